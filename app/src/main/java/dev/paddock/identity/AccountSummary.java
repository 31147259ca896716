package dev.paddock.identity;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/** An account as other modules see it; roles iterate in {@link Role} order. */
public record AccountSummary(AccountId id, String email, String displayName, Set<Role> roles) {

    public AccountSummary {
        roles = roles.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(roles));
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }
}
