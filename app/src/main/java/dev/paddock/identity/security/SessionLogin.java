package dev.paddock.identity.security;

import dev.paddock.identity.account.Account;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/** Signs a just-registered account in on the web, as the login form would. */
@Component
public class SessionLogin {

    private final AccountUserDetailsService principals;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    SessionLogin(AccountUserDetailsService principals) {
        this.principals = principals;
    }

    public void signIn(Account account, HttpServletRequest request, HttpServletResponse response) {
        AccountPrincipal principal = principals.principal(account);
        UsernamePasswordAuthenticationToken authentication = UsernamePasswordAuthenticationToken.authenticated(
                principal, null, principal.getAuthorities());
        authentication.eraseCredentials();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        contexts.saveContext(context, request, response);
    }
}
