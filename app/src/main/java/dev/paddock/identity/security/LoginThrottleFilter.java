package dev.paddock.identity.security;

import dev.paddock.identity.account.Emails;
import dev.paddock.identity.account.IdentityAudit;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Runs before the login form's filter: while the client address or the e-mail has used up its failed
 * logins, {@code POST /login} goes back to the login page without checking the password. Not a bean, so
 * it only runs inside the web security chain.
 */
class LoginThrottleFilter extends OncePerRequestFilter {

    static final String EMAIL_PARAMETER = "email";
    private static final RequestMatcher LOGIN = PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/login");

    private final LoginThrottle throttle;
    private final IdentityAudit audit;

    LoginThrottleFilter(LoginThrottle throttle, IdentityAudit audit) {
        this.throttle = throttle;
        this.audit = audit;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !LOGIN.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String email = Emails.normalise(request.getParameter(EMAIL_PARAMETER));
        Optional<Duration> wait = throttle.refusal(request.getRemoteAddr(), email);
        if (wait.isPresent()) {
            audit.record(IdentityAudit.Event.LOGIN_THROTTLED, null, null,
                    Map.of("email", email, "retryAfterSeconds", seconds(wait.get())));
            response.sendRedirect(request.getContextPath() + "/login?throttled");
            return;
        }
        chain.doFilter(request, response);
    }

    static long seconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }
}
