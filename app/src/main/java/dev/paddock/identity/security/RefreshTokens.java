package dev.paddock.identity.security;

import dev.paddock.identity.AccountId;
import dev.paddock.identity.account.IdentityAudit;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Refresh tokens rotate: each one works once and is exchanged for a new one of the same family. A used
 * token presented again means it was copied, so the whole family is revoked, thief and owner alike, and
 * the owner logs in again (OAuth 2.0 Security BCP, refresh token rotation).
 */
@Component
class RefreshTokens {

    private final JdbcClient jdbc;
    private final JwtProperties properties;
    private final IdentityAudit audit;
    private final Clock clock;

    RefreshTokens(JdbcClient jdbc, JwtProperties properties, IdentityAudit audit, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.audit = audit;
        this.clock = clock;
    }

    /** The outcome of presenting a refresh token; a refusal is a value so the revocation it caused commits. */
    sealed interface Rotation {
        record Rotated(AccountId account, String refreshToken) implements Rotation {
        }

        record Refused(String reason) implements Rotation {
        }
    }

    /** Starts a new family, at login with a password. */
    @Transactional
    String issue(AccountId account) {
        return issue(account, UUID.randomUUID());
    }

    @Transactional
    Rotation rotate(String token) {
        Instant now = clock.instant();
        Optional<Stored> found = jdbc.sql("""
                        select family_id, account_id, expires_at, used_at, revoked_at from identity.refresh_tokens
                        where token_hash = :hash for update""")
                .param("hash", SecretTokens.hash(token))
                .query((rs, n) -> new Stored(rs.getObject("family_id", UUID.class),
                        new AccountId(rs.getObject("account_id", UUID.class)), rs.getTimestamp("expires_at").toInstant(),
                        rs.getTimestamp("used_at") != null, rs.getTimestamp("revoked_at") != null))
                .optional();
        if (found.isEmpty()) {
            return new Rotation.Refused("The refresh token is not valid.");
        }
        Stored stored = found.get();
        if (stored.revoked()) {
            return new Rotation.Refused("The refresh token was revoked; log in again.");
        }
        if (stored.used()) {
            revokeFamily(stored.family());
            audit.self(IdentityAudit.Event.REFRESH_TOKEN_REUSED, stored.account(),
                    Map.of("family", stored.family().toString()));
            return new Rotation.Refused("The refresh token was already used; every session it belongs to is revoked.");
        }
        if (!now.isBefore(stored.expiresAt())) {
            return new Rotation.Refused("The refresh token has expired; log in again.");
        }
        jdbc.sql("update identity.refresh_tokens set used_at = :now where token_hash = :hash")
                .param("now", Timestamp.from(now)).param("hash", SecretTokens.hash(token)).update();
        return new Rotation.Rotated(stored.account(), issue(stored.account(), stored.family()));
    }

    /** Revokes the family of this token; an unknown token is ignored (RFC 7009). */
    @Transactional
    void revoke(String token) {
        jdbc.sql("select family_id, account_id from identity.refresh_tokens where token_hash = :hash")
                .param("hash", SecretTokens.hash(token))
                .query((rs, n) -> Map.entry(rs.getObject("family_id", UUID.class),
                        new AccountId(rs.getObject("account_id", UUID.class))))
                .optional()
                .ifPresent(family -> {
                    if (revokeFamily(family.getKey()) > 0) {
                        audit.self(IdentityAudit.Event.TOKENS_REVOKED, family.getValue(),
                                Map.of("family", family.getKey().toString()));
                    }
                });
    }

    /** Every refresh token of the account, after its password changed. */
    void revokeAll(AccountId account) {
        jdbc.sql("update identity.refresh_tokens set revoked_at = :now where account_id = :account and revoked_at is null")
                .param("now", Timestamp.from(clock.instant())).param("account", account.value()).update();
    }

    private String issue(AccountId account, UUID family) {
        String token = SecretTokens.generate();
        Instant now = clock.instant();
        jdbc.sql("""
                insert into identity.refresh_tokens (token_hash, family_id, account_id, issued_at, expires_at)
                values (:hash, :family, :account, :now, :expires)""")
                .param("hash", SecretTokens.hash(token)).param("family", family).param("account", account.value())
                .param("now", Timestamp.from(now)).param("expires", Timestamp.from(now.plus(properties.refreshTokenTtl())))
                .update();
        return token;
    }

    private int revokeFamily(UUID family) {
        return jdbc.sql("update identity.refresh_tokens set revoked_at = :now where family_id = :family and revoked_at is null")
                .param("now", Timestamp.from(clock.instant())).param("family", family).update();
    }

    private record Stored(UUID family, AccountId account, Instant expiresAt, boolean used, boolean revoked) {
    }
}
