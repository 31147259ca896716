package dev.paddock.identity.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paddock.MutableClock;
import dev.paddock.identity.AccountId;
import dev.paddock.identity.BearerTokens;
import dev.paddock.identity.Role;
import dev.paddock.shared.ProblemException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;

/** The bet lane's token checks, with the application's own JWT beans: what passes, and the 401/403 of the rest. */
class JwtBearerTokensTest {

    private static final String SECRET = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY="; // 32 bytes, base64
    private static final AccountId ACCOUNT = AccountId.random();

    private final MutableClock clock = new MutableClock();
    private final JwtConfiguration configuration = new JwtConfiguration();
    private final JwtProperties properties = new JwtProperties(SECRET, "paddock", Duration.ofMinutes(5), Duration.ofDays(30));
    private final JwtConfiguration.JwtKey key = configuration.jwtKey(properties);
    private final JwtEncoder encoder = configuration.jwtEncoder(key);
    private final BearerTokens tokens = new JwtBearerTokens(configuration.jwtDecoder(key, properties, clock));

    private String token(UnaryOperator<JwtClaimsSet.Builder> claims) {
        Instant now = clock.instant();
        JwtClaimsSet.Builder builder = JwtClaimsSet.builder().issuer("paddock").subject(ACCOUNT.toString())
                .issuedAt(now).expiresAt(now.plus(Duration.ofMinutes(5))).claim(JwtAccounts.ROLES, List.of("CUSTOMER"));
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(),
                claims.apply(builder).build())).getTokenValue();
    }

    static Stream<Arguments> roles() {
        return Stream.of(
                Arguments.of(List.of("CUSTOMER"), Set.of(Role.CUSTOMER)),
                Arguments.of(List.of("OPERATOR", "CUSTOMER"), Set.of(Role.CUSTOMER, Role.OPERATOR)),
                Arguments.of(List.of("OPERATOR"), Set.of(Role.OPERATOR)),
                Arguments.of(List.of("SOMETHING-ELSE"), Set.of()),
                Arguments.of(List.of(), Set.of()));
    }

    @ParameterizedTest
    @MethodSource("roles")
    void aValidTokenGivesItsAccountAndTheRolesItCarries(List<String> claim, Set<Role> roles) {
        BearerTokens.Bearer bearer = tokens.account(token(c -> c.claim(JwtAccounts.ROLES, claim)));

        assertThat(bearer.account()).isEqualTo(ACCOUNT);
        assertThat(bearer.roles()).isEqualTo(roles);
        if (roles.contains(Role.CUSTOMER)) {
            assertThat(bearer.acting(Role.CUSTOMER)).isEqualTo(ACCOUNT);
        } else {
            assertThatThrownBy(() -> bearer.acting(Role.CUSTOMER)).isInstanceOfSatisfying(ProblemException.class,
                    problem -> {
                        assertThat(problem.status().value()).isEqualTo(403);
                        assertThat(problem.slug()).isEqualTo("forbidden");
                        assertThat(problem.getMessage()).isEqualTo(BearerTokens.Bearer.FORBIDDEN);
                    });
        }
    }

    @Test
    void aTokenWithoutRolesIsValidButMayNotBet() {
        BearerTokens.Bearer bearer = tokens.account(token(c -> c.claims(all -> all.remove(JwtAccounts.ROLES))));

        assertThat(bearer.roles()).isEmpty();
        assertThatThrownBy(() -> bearer.acting(Role.CUSTOMER)).isInstanceOf(ProblemException.class);
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("another issuer", (UnaryOperator<JwtClaimsSet.Builder>) c -> c.issuer("elsewhere")),
                Arguments.of("expired", (UnaryOperator<JwtClaimsSet.Builder>) c -> c
                        .issuedAt(Instant.now().minus(Duration.ofMinutes(10))).expiresAt(Instant.now().minus(Duration.ofMinutes(5)))),
                Arguments.of("not yet valid", (UnaryOperator<JwtClaimsSet.Builder>) c -> c
                        .notBefore(Instant.now().plus(Duration.ofMinutes(3)))));
    }

    @ParameterizedTest
    @MethodSource("refused")
    void anInvalidTokenIsA401AsTheChainWordsIt(String why, UnaryOperator<JwtClaimsSet.Builder> claims) {
        String token = token(claims);

        assertUnauthorized(token);
    }

    @Test
    void aTokenSignedWithAnotherKeyOrAlteredOrNotAJwtIsA401() {
        JwtConfiguration other = new JwtConfiguration();
        JwtEncoder foreign = other.jwtEncoder(other.jwtKey(new JwtProperties(null, "paddock", Duration.ofMinutes(5),
                Duration.ofDays(30))));
        Instant now = clock.instant();
        String signedElsewhere = foreign.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(),
                JwtClaimsSet.builder().issuer("paddock").subject(ACCOUNT.toString()).issuedAt(now)
                        .expiresAt(now.plus(Duration.ofMinutes(5))).claim(JwtAccounts.ROLES, List.of("CUSTOMER")).build()))
                .getTokenValue();
        String good = token(c -> c);
        String altered = good.substring(0, good.length() - 2) + (good.charAt(good.length() - 2) == 'A' ? 'B' : 'A')
                + good.charAt(good.length() - 1);

        assertUnauthorized(signedElsewhere);
        assertUnauthorized(altered);
        assertUnauthorized("not.a.jwt");
        assertThat(tokens.account(good).account()).isEqualTo(ACCOUNT);
    }

    /** As in the chain: Spring's timestamp validator allows 60 s of clock skew past {@code exp}. */
    @Test
    void aTokenAcceptedOnceIsRefusedOnceItExpiresAndTheSkewHasPassed() {
        String token = token(c -> c);
        assertThat(tokens.account(token).account()).isEqualTo(ACCOUNT);

        clock.advance(Duration.ofMinutes(5));
        assertThat(tokens.account(token).account()).isEqualTo(ACCOUNT);

        clock.advance(Duration.ofSeconds(61));
        assertUnauthorized(token);
    }

    private void assertUnauthorized(String token) {
        assertThatThrownBy(() -> tokens.account(token)).isInstanceOfSatisfying(ProblemException.class, problem -> {
            assertThat(problem.status().value()).isEqualTo(401);
            assertThat(problem.slug()).isEqualTo("unauthorized");
            assertThat(problem.getMessage()).isEqualTo(JwtBearerTokens.UNAUTHORIZED);
        });
    }
}
