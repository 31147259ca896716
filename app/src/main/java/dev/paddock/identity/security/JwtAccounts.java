package dev.paddock.identity.security;

import java.util.Collection;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

/** Reads an access token: subject is the account id, {@code roles} its roles, {@code email} its login name. */
@Component
class JwtAccounts {

    static final String ROLES = "roles";
    static final String EMAIL = "email";

    AbstractAuthenticationToken authentication(Jwt jwt) {
        List<String> roles = jwt.getClaimAsStringList(ROLES);
        Collection<GrantedAuthority> authorities = roles == null ? List.of()
                : roles.stream().map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role)).toList();
        String email = jwt.getClaimAsString(EMAIL);
        return new JwtAuthenticationToken(jwt, authorities, email != null ? email : jwt.getSubject());
    }
}
