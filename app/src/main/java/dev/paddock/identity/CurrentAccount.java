package dev.paddock.identity;

import dev.paddock.identity.security.AccountPrincipal;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** The account behind a request, whether it came with a session cookie or a JWT. */
public final class CurrentAccount {

    private CurrentAccount() {
    }

    public static Optional<AccountId> of(Authentication authentication) {
        if (authentication instanceof JwtAuthenticationToken jwt) {
            return Optional.of(AccountId.of(jwt.getToken().getSubject()));
        }
        if (authentication != null && authentication.getPrincipal() instanceof AccountPrincipal principal) {
            return Optional.of(principal.accountId());
        }
        return Optional.empty();
    }

    /** The account of the current request's thread, if signed in. */
    public static Optional<AccountId> get() {
        return of(SecurityContextHolder.getContext().getAuthentication());
    }
}
