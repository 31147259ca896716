package dev.paddock.identity.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code paddock.security.login.*}.
 *
 * @param maxFailures        consecutive failed logins that lock an account
 * @param lockoutDuration    how long the lock lasts
 * @param perIpFailures      failed logins allowed from one client address per {@code perIpWindow}
 * @param perIpWindow        the period over which the per-address allowance refills
 * @param perAccountFailures failed logins allowed for one e-mail address, from anywhere, per {@code perAccountWindow}
 * @param perAccountWindow   the period over which the per-account allowance refills
 */
@ConfigurationProperties("paddock.security.login")
record LoginProperties(@DefaultValue("5") int maxFailures, @DefaultValue("15m") Duration lockoutDuration,
        @DefaultValue("20") int perIpFailures, @DefaultValue("1m") Duration perIpWindow,
        @DefaultValue("10") int perAccountFailures, @DefaultValue("1m") Duration perAccountWindow) {
}
