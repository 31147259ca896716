package dev.paddock.identity;

import java.util.Set;

/** An account as other modules see it. */
public record AccountSummary(AccountId id, String email, String displayName, Set<Role> roles) {

    public AccountSummary {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }
}
