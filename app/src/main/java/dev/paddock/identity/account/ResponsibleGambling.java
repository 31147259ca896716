package dev.paddock.identity.account;

import dev.paddock.identity.AccountId;
import dev.paddock.shared.Money;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A player changes their own weekly stake limit and self-exclusion, under {@link GamblingLimits}' rules. */
@Service
public class ResponsibleGambling {

    private final StoredAccounts accounts;
    private final IdentityProperties properties;
    private final IdentityAudit audit;
    private final Clock clock;

    ResponsibleGambling(StoredAccounts accounts, IdentityProperties properties, IdentityAudit audit, Clock clock) {
        this.accounts = accounts;
        this.properties = properties;
        this.audit = audit;
        this.clock = clock;
    }

    public GamblingLimits current(AccountId id) {
        return accounts.byId(id).orElseThrow(() -> AccountProblems.notFound(id)).limits().settledAt(clock.instant());
    }

    /** Both settings at once, as {@code PUT /api/me/player-profile} sends them. */
    @Transactional
    public GamblingLimits change(AccountId id, Money weeklyStakeLimit, Instant selfExcludedUntil) {
        return apply(id, accounts.limitsForUpdate(id), weeklyStakeLimit, selfExcludedUntil);
    }

    /** The weekly limit only, null for none; the self-exclusion stays as it is. */
    @Transactional
    public GamblingLimits changeLimit(AccountId id, Money weeklyStakeLimit) {
        GamblingLimits before = accounts.limitsForUpdate(id);
        return apply(id, before, weeklyStakeLimit, before.selfExcludedUntil());
    }

    /** The self-exclusion only; a pending limit change keeps running. */
    @Transactional
    public GamblingLimits excludeUntil(AccountId id, Instant until) {
        GamblingLimits before = accounts.limitsForUpdate(id);
        GamblingLimits settled = before.settledAt(clock.instant());
        Money wantedLimit = settled.pendingChange() ? settled.pendingLimit() : settled.weeklyStakeLimit();
        return apply(id, before, wantedLimit, until);
    }

    private GamblingLimits apply(AccountId id, GamblingLimits before, Money weeklyStakeLimit,
            Instant selfExcludedUntil) {
        Instant now = clock.instant();
        GamblingLimits after = before.change(weeklyStakeLimit, selfExcludedUntil, now,
                properties.stakeLimitCoolingOff());
        if (!after.equals(before)) {
            accounts.saveLimits(id, after);
            audit.self(IdentityAudit.Event.PLAYER_PROFILE_CHANGED, id, details(before, after));
        }
        return after;
    }

    private static Map<String, Object> details(GamblingLimits before, GamblingLimits after) {
        Map<String, Object> details = new HashMap<>();
        details.put("weeklyStakeLimitBefore", cents(before.weeklyStakeLimit()));
        details.put("weeklyStakeLimit", cents(after.weeklyStakeLimit()));
        if (after.pendingChange()) {
            details.put("pendingWeeklyStakeLimit", cents(after.pendingLimit()));
            details.put("pendingFrom", after.pendingFrom().toString());
        }
        details.put("selfExcludedUntil", after.selfExcludedUntil() == null ? null : after.selfExcludedUntil().toString());
        return details;
    }

    private static Long cents(Money money) {
        return money == null ? null : money.cents();
    }
}
