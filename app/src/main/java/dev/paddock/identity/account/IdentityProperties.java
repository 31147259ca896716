package dev.paddock.identity.account;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code paddock.identity.*}.
 *
 * @param ageOfMajority         the age from which a player may bet
 * @param stakeLimitCoolingOff  how long a raised or removed weekly stake limit waits before it applies
 */
@ConfigurationProperties("paddock.identity")
public record IdentityProperties(@DefaultValue("18") int ageOfMajority,
        @DefaultValue("7d") Duration stakeLimitCoolingOff) {
}
