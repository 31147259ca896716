package dev.paddock.identity.account;

import dev.paddock.identity.Role;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/** Roles as an immutable set that lists them in {@link Role} order, so pages and answers are stable. */
final class Roles {

    private Roles() {
    }

    static Set<Role> ordered(Collection<Role> roles) {
        return roles.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(roles));
    }
}
