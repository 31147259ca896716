package dev.paddock.site;

import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** Who looks at a page, as the layout needs it: signed in or not, display name, roles. */
public record Viewer(boolean signedIn, String name, Set<String> roles) {

    static final Viewer ANONYMOUS = new Viewer(false, "", Set.of());

    static Viewer of(Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return ANONYMOUS;
        }
        Set<String> roles = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring(5)).collect(Collectors.toUnmodifiableSet());
        return new Viewer(true, authentication.getName(), roles);
    }

    public boolean has(String role) {
        return roles.contains(role);
    }

    public boolean backOffice() {
        return has("OPERATOR") || has("ADMIN");
    }
}
