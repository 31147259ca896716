package dev.paddock.identity.security;

import dev.paddock.identity.AccountId;
import dev.paddock.identity.BearerTokens;
import dev.paddock.identity.Role;
import dev.paddock.shared.ProblemException;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.stereotype.Component;

/** The {@code /api} chain's token checks for callers ahead of it: the same decoder (cached) and the same reading of roles. */
@Component
class JwtBearerTokens implements BearerTokens {

    static final String UNAUTHORIZED = "A valid access token is required: POST /api/auth/token to get one.";

    private final JwtDecoder decoder;
    private final JwtAccounts accounts;

    JwtBearerTokens(JwtDecoder decoder, JwtAccounts accounts) {
        this.decoder = decoder;
        this.accounts = accounts;
    }

    @Override
    public Bearer account(String token) {
        Jwt jwt;
        try {
            jwt = decoder.decode(token);
        } catch (JwtException invalid) {
            throw ProblemException.of(HttpStatus.UNAUTHORIZED, "unauthorized", UNAUTHORIZED);
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (GrantedAuthority authority : accounts.authentication(jwt).getAuthorities()) {
            for (Role role : Role.values()) {
                if (role.authority().equals(authority.getAuthority())) {
                    roles.add(role);
                }
            }
        }
        return new Bearer(AccountId.of(jwt.getSubject()), roles);
    }
}
