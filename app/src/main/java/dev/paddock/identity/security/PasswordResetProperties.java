package dev.paddock.identity.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code paddock.security.password-reset.*}.
 *
 * @param tokenTtl how long the link in a password reset mail works (once)
 */
@ConfigurationProperties("paddock.security.password-reset")
record PasswordResetProperties(@DefaultValue("30m") Duration tokenTtl) {
}
