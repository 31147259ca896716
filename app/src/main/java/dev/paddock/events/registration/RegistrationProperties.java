package dev.paddock.events.registration;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code paddock.events.registration.*}.
 *
 * @param termsTtl    how long a race's terms are served from memory
 * @param soldOutHint how long a race found full sends new registrations straight to its waitlist
 * @param maxInFlight registration requests (individual, team, join, accept) handled at once by a node; beyond,
 *                    503 {@code overloaded} at the door
 */
@ConfigurationProperties("paddock.events.registration")
record RegistrationProperties(@DefaultValue("2s") Duration termsTtl, @DefaultValue("1s") Duration soldOutHint,
        @DefaultValue("64") int maxInFlight) {
}
