package dev.paddock.messaging.publications;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code paddock.events.*}: how failed event listeners are retried and how long finished publications stay.
 *
 * @param retryAfter    a failed publication is resubmitted once this long has passed since it was published
 *                      or last resubmitted
 * @param retryInterval how often the retry job looks for failed publications
 * @param maxAttempts   after this many attempts a publication is left failed for an operator to resubmit
 * @param keepCompleted completed publications are deleted once older than this
 */
@ConfigurationProperties("paddock.events")
record EventsProperties(
        @DefaultValue("1m") Duration retryAfter,
        @DefaultValue("30s") Duration retryInterval,
        @DefaultValue("10") int maxAttempts,
        @DefaultValue("7d") Duration keepCompleted) {
}
