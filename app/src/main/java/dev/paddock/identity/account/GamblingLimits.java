package dev.paddock.identity.account;

import dev.paddock.shared.Money;
import dev.paddock.shared.ProblemException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.springframework.http.HttpStatus;

/**
 * A player's own responsible-gambling settings and the rules for changing them, as French regulation
 * (ANJ) expects: a lower weekly stake limit applies at once; a higher one, or none, only after a
 * cooling-off period, so a player cannot lift a limit in the heat of the moment; a self-exclusion can be
 * extended but never shortened or lifted before it ends.
 *
 * @param weeklyStakeLimit   the limit set and in force (before any due pending change), null for none
 * @param pendingChange      whether a raise or removal is waiting for its cooling-off to end
 * @param pendingLimit       the waiting value (null means removal)
 * @param pendingFrom        when the waiting value takes effect
 * @param selfExcludedUntil  end of the self-exclusion, null if none
 */
public record GamblingLimits(Money weeklyStakeLimit, boolean pendingChange, Money pendingLimit, Instant pendingFrom,
        Instant selfExcludedUntil) {

    static final Duration LONGEST_SELF_EXCLUSION = Duration.ofDays(3653);

    public static final GamblingLimits NONE = new GamblingLimits(null, false, null, null, null);

    public GamblingLimits {
        if (pendingChange && pendingFrom == null) {
            throw new IllegalArgumentException("A pending limit change needs the time it takes effect");
        }
    }

    /** The weekly limit in force at that instant, a due pending change included. */
    public Money limitAt(Instant now) {
        return pendingDue(now) ? pendingLimit : weeklyStakeLimit;
    }

    /** The same settings with a pending change folded in once its time has come. */
    public GamblingLimits settledAt(Instant now) {
        return pendingDue(now) ? new GamblingLimits(pendingLimit, false, null, null, selfExcludedUntil) : this;
    }

    public boolean selfExcludedAt(Instant now) {
        return selfExcludedUntil != null && now.isBefore(selfExcludedUntil);
    }

    /**
     * What the player asked for, under the rules.
     *
     * @param wantedLimit     the weekly limit wanted, null for none
     * @param wantedExclusion the self-exclusion end wanted, null for none
     * @throws ProblemException 409 when the change would shorten or lift a running self-exclusion,
     *                          400 for a limit that is not positive or an exclusion end in the past
     */
    public GamblingLimits change(Money wantedLimit, Instant wantedExclusion, Instant now, Duration coolingOff) {
        if (wantedLimit != null && !wantedLimit.isPositive()) {
            throw ProblemException.field("weeklyStakeLimit", "positive", "A weekly stake limit must be above zero.");
        }
        GamblingLimits settled = settledAt(now);
        return settled.withLimit(wantedLimit, now, coolingOff).withExclusion(wantedExclusion, now);
    }

    private GamblingLimits withLimit(Money wanted, Instant now, Duration coolingOff) {
        Money current = weeklyStakeLimit;
        if (Objects.equals(wanted, current)) {
            return new GamblingLimits(current, false, null, null, selfExcludedUntil);
        }
        boolean lower = wanted != null && (current == null || wanted.compareTo(current) < 0);
        if (lower) {
            return new GamblingLimits(wanted, false, null, null, selfExcludedUntil);
        }
        if (pendingChange && Objects.equals(pendingLimit, wanted)) {
            return this;
        }
        return new GamblingLimits(current, true, wanted, now.plus(coolingOff), selfExcludedUntil);
    }

    private GamblingLimits withExclusion(Instant wanted, Instant now) {
        if (Objects.equals(wanted, selfExcludedUntil)) {
            return this;
        }
        if (selfExcludedAt(now) && (wanted == null || wanted.isBefore(selfExcludedUntil))) {
            throw new ProblemException(HttpStatus.CONFLICT, "self-exclusion-running",
                    "A self-exclusion cannot be shortened or lifted before it ends (" + selfExcludedUntil + ").",
                    List.of(new ProblemException.FieldProblem("selfExcludedUntil", "running",
                            "A self-exclusion cannot be shortened or lifted before it ends.")));
        }
        if (wanted != null && !wanted.isAfter(now)) {
            throw ProblemException.field("selfExcludedUntil", "future", "A self-exclusion must end in the future.");
        }
        if (wanted != null && wanted.isAfter(now.plus(LONGEST_SELF_EXCLUSION))) {
            throw ProblemException.field("selfExcludedUntil", "too-far",
                    "A self-exclusion lasts at most ten years; extend it later if needed.");
        }
        return new GamblingLimits(weeklyStakeLimit, pendingChange, pendingLimit, pendingFrom, wanted);
    }

    private boolean pendingDue(Instant now) {
        return pendingChange && !now.isBefore(pendingFrom);
    }
}
