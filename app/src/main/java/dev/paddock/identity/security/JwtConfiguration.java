package dev.paddock.identity.security;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/** Paddock signs its own access tokens (HS256); it is both the issuer and the resource server. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(JwtProperties.class)
class JwtConfiguration {

    private static final Logger log = LoggerFactory.getLogger(JwtConfiguration.class);
    /** Most access tokens remembered by the decoder once checked (see {@link CachingJwtDecoder}). */
    static final long DECODED_TOKENS = 50_000;

    @Bean
    JwtKey jwtKey(JwtProperties properties) {
        if (properties.secret() == null || properties.secret().isBlank()) {
            log.warn("paddock.security.jwt.secret is not set: using a random key, so access tokens do not survive"
                    + " a restart and are not shared between nodes");
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            return new JwtKey(new SecretKeySpec(random, "HmacSHA256"));
        }
        byte[] bytes = Base64.getDecoder().decode(properties.secret());
        if (bytes.length < 32) {
            throw new IllegalStateException("paddock.security.jwt.secret must decode to at least 32 bytes");
        }
        return new JwtKey(new SecretKeySpec(bytes, "HmacSHA256"));
    }

    @Bean
    JwtEncoder jwtEncoder(JwtKey key) {
        return new NimbusJwtEncoder(new ImmutableSecret<>(key.value()));
    }

    @Bean
    JwtDecoder jwtDecoder(JwtKey key, JwtProperties properties, Clock clock) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(key.value()).macAlgorithm(MacAlgorithm.HS256).build();
        // Expiry is judged by the application clock, the one that also stamped the token.
        JwtTimestampValidator timestamps = new JwtTimestampValidator();
        timestamps.setClock(clock);
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(timestamps,
                new JwtIssuerValidator(properties.issuer())));
        // Bounded: one entry (about 1 KB) per player active within an access token's life.
        return new CachingJwtDecoder(decoder, clock, DECODED_TOKENS);
    }

    record JwtKey(SecretKey value) {
    }
}
