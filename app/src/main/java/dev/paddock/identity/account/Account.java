package dev.paddock.identity.account;

import dev.paddock.identity.AccountId;
import dev.paddock.identity.AccountSummary;
import dev.paddock.identity.Role;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

/** An account as stored, credentials and login state included: never leaves the identity module. */
public record Account(AccountId id, String email, String displayName, String passwordHash, LocalDate dateOfBirth,
        String countryOfResidence, Set<Role> roles, int failedLogins, Instant lockedUntil, GamblingLimits limits,
        Instant createdAt) {

    public Account {
        roles = Roles.ordered(roles);
    }

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    public AccountSummary summary() {
        return new AccountSummary(id, email, displayName, roles);
    }
}
