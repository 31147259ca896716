package dev.paddock.identity.security;

import dev.paddock.identity.AccountId;
import dev.paddock.identity.account.AccountProblems;
import dev.paddock.identity.account.IdentityAudit;
import dev.paddock.identity.account.StoredAccounts;
import dev.paddock.shared.ProblemException;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** {@code POST /api/auth/token}'s two grants: a password starts a refresh token family, a refresh token rotates it. */
@Component
class TokenGrants {

    private final PasswordLogin login;
    private final RefreshTokens refreshTokens;
    private final AccessTokens accessTokens;
    private final StoredAccounts accounts;
    private final JwtProperties properties;
    private final IdentityAudit audit;

    TokenGrants(PasswordLogin login, RefreshTokens refreshTokens, AccessTokens accessTokens, StoredAccounts accounts,
            JwtProperties properties, IdentityAudit audit) {
        this.login = login;
        this.refreshTokens = refreshTokens;
        this.accessTokens = accessTokens;
        this.accounts = accounts;
        this.properties = properties;
        this.audit = audit;
    }

    /** @throws org.springframework.security.core.AuthenticationException for a wrong password or a locked account */
    Tokens password(String email, String password, String ip) {
        AccountPrincipal principal = login.login(email, password, ip);
        return tokens(principal.accountId(), refreshTokens.issue(principal.accountId()), "password");
    }

    Tokens refresh(String refreshToken) {
        return switch (refreshTokens.rotate(refreshToken)) {
            case RefreshTokens.Rotation.Rotated rotated -> tokens(rotated.account(), rotated.refreshToken(), "refresh_token");
            case RefreshTokens.Rotation.Refused refused -> throw ProblemException.of(HttpStatus.UNAUTHORIZED,
                    "invalid-refresh-token", refused.reason());
        };
    }

    private Tokens tokens(AccountId id, String refreshToken, String grant) {
        var account = accounts.byId(id).orElseThrow(() -> AccountProblems.notFound(id)).summary();
        audit.self(IdentityAudit.Event.TOKEN_ISSUED, id, Map.of("grantType", grant));
        return new Tokens(accessTokens.issue(account), "Bearer", properties.accessTokenTtl().toSeconds(), refreshToken,
                properties.refreshTokenTtl().toSeconds());
    }

    /** The token response of the API contract. */
    record Tokens(String accessToken, String tokenType, long expiresIn, String refreshToken, long refreshExpiresIn) {
    }
}
