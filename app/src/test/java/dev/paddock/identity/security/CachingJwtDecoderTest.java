package dev.paddock.identity.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paddock.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * The cache may only save work: a token is served from it only while unexpired, and only if the real
 * decoder accepted exactly that token before.
 */
class CachingJwtDecoderTest {

    private final MutableClock clock = new MutableClock();
    private final List<String> decoded = new ArrayList<>();
    /** Accepts "good-*" tokens, expiring 5 minutes after the clock's present; rejects everything else. */
    private final JwtDecoder real = token -> {
        decoded.add(token);
        if (!token.startsWith("good-")) {
            throw new BadJwtException("bad signature");
        }
        Instant now = clock.instant();
        return Jwt.withTokenValue(token).header("alg", "HS256").subject("account")
                .issuedAt(now).expiresAt(now.plus(Duration.ofMinutes(5))).build();
    };
    private final CachingJwtDecoder decoder = new CachingJwtDecoder(real, clock, 100);

    @Test
    void anAcceptedTokenIsDecodedOnceWhileItLives() {
        Jwt first = decoder.decode("good-1");
        Jwt second = decoder.decode("good-1");

        assertThat(second).isSameAs(first);
        assertThat(decoded).containsExactly("good-1");
    }

    @Test
    void anExpiredTokenIsNeverTakenFromTheCache() {
        decoder.decode("good-1");
        clock.advance(Duration.ofMinutes(5));

        decoder.decode("good-1");

        assertThat(decoded).containsExactly("good-1", "good-1");
    }

    @Test
    void aRejectedTokenIsCheckedInFullEveryTime() {
        assertThatThrownBy(() -> decoder.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> decoder.decode("forged")).isInstanceOf(BadJwtException.class);

        assertThat(decoded).containsExactly("forged", "forged");
        assertThat(decoder.size()).isZero();
    }

    @Test
    void aTokenDifferingInAnyByteIsDecodedOnItsOwn() {
        decoder.decode("good-1");

        assertThatThrownBy(() -> decoder.decode("good-1".replace('1', '2').replace("good", "bad")))
                .isInstanceOf(BadJwtException.class);
        decoder.decode("good-2");

        assertThat(decoded).containsExactly("good-1", "bad-2", "good-2");
    }

    @Test
    void theCacheIsBounded() {
        CachingJwtDecoder small = new CachingJwtDecoder(real, clock, 10);
        for (int i = 0; i < 100; i++) {
            small.decode("good-" + i);
        }

        assertThat(small.size()).isLessThanOrEqualTo(10);
    }
}
