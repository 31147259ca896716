package dev.paddock.identity.security;

import dev.paddock.identity.account.Emails;
import dev.paddock.identity.account.IdentityAudit;
import dev.paddock.shared.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Tokens for API clients, token revocation, and the API side of password reset. */
@RestController
class AuthApiController {

    private final TokenGrants grants;
    private final RefreshTokens refreshTokens;
    private final LoginThrottle throttle;
    private final Passwords passwords;
    private final IdentityAudit audit;

    AuthApiController(TokenGrants grants, RefreshTokens refreshTokens, LoginThrottle throttle, Passwords passwords,
            IdentityAudit audit) {
        this.grants = grants;
        this.refreshTokens = refreshTokens;
        this.throttle = throttle;
        this.passwords = passwords;
        this.audit = audit;
    }

    /**
     * {@code {"grantType":"password","email","password"}} or {@code {"grantType":"refresh_token","refreshToken"}}.
     *
     * @param grantType    {@code password} or {@code refresh_token}
     */
    record TokenRequest(@NotBlank String grantType, @Size(max = 254) String email, @Size(max = 1024) String password,
            @Size(max = 200) String refreshToken) {
    }

    @PostMapping(path = "/api/auth/token", produces = MediaType.APPLICATION_JSON_VALUE)
    TokenGrants.Tokens token(@Valid @RequestBody TokenRequest request, HttpServletRequest http) {
        return switch (request.grantType()) {
            case "password" -> {
                String email = required(request.email(), "email");
                String password = required(request.password(), "password");
                Optional<Duration> wait = throttle.refusal(http.getRemoteAddr(), email);
                if (wait.isPresent()) {
                    audit.record(IdentityAudit.Event.LOGIN_THROTTLED, null, null,
                            Map.of("email", Emails.normalise(email), "retryAfterSeconds", LoginThrottleFilter.seconds(wait.get())));
                    throw new LoginThrottled(wait.get());
                }
                yield grants.password(email, password, http.getRemoteAddr());
            }
            case "refresh_token" -> grants.refresh(required(request.refreshToken(), "refreshToken"));
            default -> throw ProblemException.field("grantType", "unsupported",
                    "grantType is 'password' or 'refresh_token'.");
        };
    }

    record RevokeRequest(@NotBlank @Size(max = 200) String refreshToken) {
    }

    /** Revokes the token's whole family (every token rotated from the same login); unknown tokens are ignored. */
    @PostMapping("/api/auth/revoke")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(@Valid @RequestBody RevokeRequest request) {
        refreshTokens.revoke(request.refreshToken());
    }

    record ResetRequest(@NotBlank @Email @Size(max = 254) String email) {
    }

    /** Always 202, whether or not the account exists. */
    @PostMapping("/api/auth/password-reset")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void requestReset(@Valid @RequestBody ResetRequest request) {
        passwords.requestReset(request.email());
    }

    record ResetConfirmation(@NotBlank @Size(max = 200) String token, @NotBlank @Size(max = 1024) String newPassword) {
    }

    @PostMapping("/api/auth/password-reset/confirm")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void confirmReset(@Valid @RequestBody ResetConfirmation request) {
        passwords.reset(request.token(), request.newPassword());
    }

    /** A wrong password or a locked account: 401, saying which, without telling whether the e-mail exists. */
    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<ProblemDetail> refused(AuthenticationException e, HttpServletRequest request) {
        String slug = e instanceof LockedException ? "account-locked" : "bad-credentials";
        return problem(HttpStatus.UNAUTHORIZED, slug, e.getMessage(), request, new HttpHeaders());
    }

    @ExceptionHandler(LoginThrottled.class)
    ResponseEntity<ProblemDetail> throttled(LoginThrottled e, HttpServletRequest request) {
        HttpHeaders headers = new HttpHeaders();
        long seconds = LoginThrottleFilter.seconds(e.wait);
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        return problem(HttpStatus.TOO_MANY_REQUESTS, "login-throttled",
                "Too many failed logins from this address or for this account; try again in " + seconds + " s.",
                request, headers);
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String slug, String detail,
            HttpServletRequest request, HttpHeaders headers) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(ProblemException.TYPE_BASE + slug));
        problem.setTitle(status.getReasonPhrase());
        problem.setInstance(URI.create(request.getRequestURI()));
        return ResponseEntity.status(status).headers(headers).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw ProblemException.field(field, "required", field + " is required for this grant type.");
        }
        return value;
    }

    static final class LoginThrottled extends RuntimeException {
        private final transient Duration wait;

        LoginThrottled(Duration wait) {
            super("Login throttled");
            this.wait = wait;
        }
    }
}
