package dev.paddock.identity;

import dev.paddock.shared.ProblemException;
import java.util.Set;
import org.springframework.http.HttpStatus;

/**
 * Checks an API access token where Spring Security's chain does not run: a hot path answered ahead of it
 * (the tote's bet lane). The checks are the {@code /api} chain's: signature, expiry on the application clock
 * and issuer, through the same decoder and its cache; the roles are those the token carries.
 */
public interface BearerTokens {

    /**
     * @param token the compact JWT, without the {@code Bearer } prefix
     * @throws ProblemException 401 {@code unauthorized} if the token is not valid, worded as the security chain
     *         words it (answer it with {@code WWW-Authenticate: Bearer})
     */
    Bearer account(String token);

    /** The holder of a valid access token. */
    record Bearer(AccountId account, Set<Role> roles) {

        public static final String FORBIDDEN = "You do not have the role this operation needs.";

        public Bearer {
            roles = Set.copyOf(roles);
        }

        /** @throws ProblemException 403 {@code forbidden} without {@code role}, worded as the security chain words it */
        public AccountId acting(Role role) {
            if (!roles.contains(role)) {
                throw ProblemException.of(HttpStatus.FORBIDDEN, "forbidden", FORBIDDEN);
            }
            return account;
        }
    }
}
