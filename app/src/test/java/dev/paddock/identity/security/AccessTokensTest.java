package dev.paddock.identity.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paddock.MutableClock;
import dev.paddock.identity.AccountId;
import dev.paddock.identity.AccountSummary;
import dev.paddock.identity.Role;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/** An access token is checked once as it is issued, so that its first request finds it in the decoder's cache. */
class AccessTokensTest {

    private final MutableClock clock = new MutableClock();
    private final JwtProperties properties = new JwtProperties("", "paddock", Duration.ofMinutes(5), Duration.ofDays(30));
    private final JwtConfiguration configuration = new JwtConfiguration();
    private final JwtConfiguration.JwtKey key = configuration.jwtKey(properties);
    private final JwtDecoder real = configuration.jwtDecoder(key, properties, clock);
    private final List<String> decoded = new ArrayList<>();
    private final CachingJwtDecoder decoder = new CachingJwtDecoder(token -> {
        decoded.add(token);
        return real.decode(token);
    }, clock, 100);
    private final AccessTokens tokens = new AccessTokens(configuration.jwtEncoder(key), decoder, properties, clock);
    private final AccountSummary account = new AccountSummary(new AccountId(UUID.randomUUID()), "ada@example.org",
            "Ada", Set.of(Role.CUSTOMER));

    @Test
    void anIssuedTokenIsDecodedOnceAtIssueAndItsRequestsAreServedFromTheCache() {
        String token = tokens.issue(account);
        assertThat(decoded).containsExactly(token);

        Jwt jwt = decoder.decode(token);

        assertThat(decoded).containsExactly(token);
        assertThat(jwt.getSubject()).isEqualTo(account.id().toString());
        assertThat(jwt.getClaimAsStringList(JwtAccounts.ROLES)).containsExactly("CUSTOMER");
    }

    @Test
    void anIssuedTokenIsStillCheckedInFullOnceExpired() {
        String token = tokens.issue(account);
        // past its exp and the validator's minute of clock skew
        clock.advance(Duration.ofMinutes(7));

        assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(JwtException.class);
        assertThat(decoded).containsExactly(token, token);
    }
}
