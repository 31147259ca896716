package dev.paddock.identity.web;

import dev.paddock.identity.account.Account;
import dev.paddock.identity.account.GamblingLimits;
import dev.paddock.shared.Money;
import java.time.Instant;
import java.time.LocalDate;

/**
 * {@code /api/me/player-profile}: amounts in euro cents; {@code pendingWeeklyStakeLimit} is the raise or
 * removal (amount null) waiting for its cooling-off to end, null when nothing waits.
 */
record PlayerProfileView(LocalDate dateOfBirth, String countryOfResidence, Long weeklyStakeLimit,
        Pending pendingWeeklyStakeLimit, Instant selfExcludedUntil) {

    record Pending(Long amount, Instant effectiveAt) {
    }

    static PlayerProfileView of(Account account, GamblingLimits limits) {
        return new PlayerProfileView(account.dateOfBirth(), account.countryOfResidence(),
                cents(limits.weeklyStakeLimit()),
                limits.pendingChange() ? new Pending(cents(limits.pendingLimit()), limits.pendingFrom()) : null,
                limits.selfExcludedUntil());
    }

    private static Long cents(Money money) {
        return money == null ? null : money.cents();
    }
}
