package dev.paddock.identity.security;

import dev.paddock.identity.AccountId;
import dev.paddock.identity.BearerTokens;
import dev.paddock.identity.Role;
import dev.paddock.shared.ProblemException;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.stereotype.Component;

/** The {@code /api} chain's token checks for callers ahead of it: the same decoder (cached) and the same roles claim. */
@Component
class JwtBearerTokens implements BearerTokens {

    static final String UNAUTHORIZED = "A valid access token is required: POST /api/auth/token to get one.";

    private final JwtDecoder decoder;

    JwtBearerTokens(JwtDecoder decoder) {
        this.decoder = decoder;
    }

    @Override
    public Bearer account(String token) {
        Jwt jwt;
        try {
            jwt = decoder.decode(token);
        } catch (JwtException invalid) {
            throw ProblemException.of(HttpStatus.UNAUTHORIZED, "unauthorized", UNAUTHORIZED);
        }
        // the roles claim as JwtAccounts reads it for the chain, without building an Authentication per request
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (jwt.getClaims().get(JwtAccounts.ROLES) instanceof Collection<?> names) {
            for (Object name : names) {
                for (Role role : Role.values()) {
                    if (role.name().equals(String.valueOf(name))) {
                        roles.add(role);
                    }
                }
            }
        }
        return new Bearer(AccountId.of(jwt.getSubject()), roles);
    }
}
