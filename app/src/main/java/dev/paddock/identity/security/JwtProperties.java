package dev.paddock.identity.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code paddock.security.jwt.*}.
 *
 * @param secret          HMAC-SHA256 key, base64, at least 32 bytes; every node of a cluster needs the same.
 *                        Blank makes a random key at start-up, so tokens die with the process (fine for one node).
 * @param issuer          the {@code iss} claim
 * @param accessTokenTtl  lifetime of an access token
 * @param refreshTokenTtl lifetime of a refresh token (each use rotates it)
 */
@ConfigurationProperties("paddock.security.jwt")
record JwtProperties(String secret, @DefaultValue("paddock") String issuer,
        @DefaultValue("5m") Duration accessTokenTtl, @DefaultValue("30d") Duration refreshTokenTtl) {
}
