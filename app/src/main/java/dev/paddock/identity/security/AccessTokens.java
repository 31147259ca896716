package dev.paddock.identity.security;

import dev.paddock.identity.AccountSummary;
import dev.paddock.identity.Role;
import java.time.Clock;
import java.time.Instant;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Component;

/**
 * Signs access tokens: {@code sub} the account id, {@code email}, {@code roles}, short-lived. A token is checked by
 * the decoder once as it is issued, so that {@link CachingJwtDecoder} holds it before its first request: in an
 * opening rush, every buyer's first attempt arrives in the same few seconds, and decoding each one there (HMAC,
 * JSON, claims) was ~10% of the server's samples of the peak's first 3 s (session 10). The check is the same; it is
 * made at sign-in instead, before the rush.
 */
@Component
class AccessTokens {

    private final JwtEncoder encoder;
    private final JwtDecoder decoder;
    private final JwtProperties properties;
    private final Clock clock;

    AccessTokens(JwtEncoder encoder, JwtDecoder decoder, JwtProperties properties, Clock clock) {
        this.encoder = encoder;
        this.decoder = decoder;
        this.properties = properties;
        this.clock = clock;
    }

    String issue(AccountSummary account) {
        Instant now = clock.instant();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(properties.issuer())
                .subject(account.id().toString())
                .issuedAt(now)
                .expiresAt(now.plus(properties.accessTokenTtl()))
                .claim(JwtAccounts.EMAIL, account.email())
                .claim(JwtAccounts.ROLES, account.roles().stream().map(Role::name).sorted().toList())
                .build();
        String token = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
                .getTokenValue();
        decoder.decode(token);
        return token;
    }
}
