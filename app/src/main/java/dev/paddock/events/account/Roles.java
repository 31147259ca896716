package dev.paddock.events.account;

import dev.paddock.identity.Role;
import org.springframework.security.core.Authentication;

/** Role checks on the request's authentication, for ownership rules that let operators through. */
final class Roles {

    private Roles() {
    }

    static boolean operator(Authentication authentication) {
        return authentication.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(Role.OPERATOR.authority())
                || a.getAuthority().equals(Role.ADMIN.authority()));
    }
}
