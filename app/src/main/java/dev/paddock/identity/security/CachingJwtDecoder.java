package dev.paddock.identity.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Remembers the tokens the real decoder accepted, until each one's {@code exp}. A player sends the same
 * access token with every bet for its whole life, and checking its HMAC and parsing its JSON again each time
 * was a visible share of the bet intake's CPU.
 * <p>
 * Nothing is weakened: the key is the whole compact token (header, claims and signature), so only a token
 * byte-for-byte equal to one whose signature, issuer and timestamps were checked is taken from the cache;
 * a token is never taken from it at or after its {@code exp} (checked on every hit against the application
 * clock, the one the real decoder uses, and entries also expire then); rejected tokens are never cached, so
 * they are checked in full every time. The cache is bounded; an evicted token is simply decoded again.
 */
final class CachingJwtDecoder implements JwtDecoder {

    private final JwtDecoder decoder;
    private final Clock clock;
    private final Cache<String, Jwt> accepted;

    CachingJwtDecoder(JwtDecoder decoder, Clock clock, long maximumSize) {
        this.decoder = decoder;
        this.clock = clock;
        this.accepted = Caffeine.newBuilder()
                .maximumSize(maximumSize)
                // Expiry on the application clock too, so tests that move the clock see entries expire.
                .ticker(() -> {
                    Instant now = clock.instant();
                    return now.getEpochSecond() * 1_000_000_000L + now.getNano();
                })
                .expireAfter(Expiry.creating((String token, Jwt jwt) -> untilExpiry(jwt)))
                .build();
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt cached = accepted.getIfPresent(token);
        if (cached != null && clock.instant().isBefore(cached.getExpiresAt())) {
            return cached;
        }
        Jwt jwt = decoder.decode(token);
        // A token without exp (Paddock never issues one) is not cached: it would never leave.
        if (jwt.getExpiresAt() != null && clock.instant().isBefore(jwt.getExpiresAt())) {
            accepted.put(token, jwt);
        }
        return jwt;
    }

    private Duration untilExpiry(Jwt jwt) {
        Duration left = Duration.between(clock.instant(), jwt.getExpiresAt());
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** For tests: how many tokens are remembered. */
    long size() {
        accepted.cleanUp();
        return accepted.estimatedSize();
    }
}
