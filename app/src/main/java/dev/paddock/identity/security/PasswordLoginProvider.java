package dev.paddock.identity.security;

import dev.paddock.identity.account.IdentityAudit;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * The login form's authentication: {@link PasswordLogin} behind Spring Security's provider interface. Not
 * a bean, so Spring Security does not also install it in its global authentication manager.
 */
class PasswordLoginProvider implements AuthenticationProvider {

    private final PasswordLogin login;

    PasswordLoginProvider(PasswordLogin login) {
        this.login = login;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String ip = authentication.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress()
                : IdentityAudit.clientIp();
        Object credentials = authentication.getCredentials();
        AccountPrincipal principal = login.login(authentication.getName(),
                credentials == null ? null : credentials.toString(), ip);
        UsernamePasswordAuthenticationToken result = UsernamePasswordAuthenticationToken.authenticated(principal, null,
                principal.getAuthorities());
        result.setDetails(authentication.getDetails());
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
