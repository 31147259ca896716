package dev.paddock.events.registration;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code paddock.events.registration.*}.
 *
 * @param termsTtl      how long a race's terms are served from memory
 * @param soldOutHint   how long a race found full sends new registrations straight to its waitlist
 * @param maxInFlight   registration requests (individual, team, join, accept) handled at once by a node; beyond,
 *                      503 {@code overloaded} at the door
 * @param batchSize     most individual registrations the writer makes durable in one transaction
 * @param queueCapacity individual registrations waiting for the writer threads, all together; beyond, 503
 *                      {@code overloaded}
 * @param turns         registration requests computing (authentication, JSON, checks) at once on a node; the others
 *                      wait in line, parked, until one gives its turn back
 * @param writers       batches of individual registrations written at once, each on a database connection of its own
 *                      (a buyer in one batch at a time)
 * @param answerTimeout how long a request waits for its batch before 503 (it may still be stored: retry with
 *                      the same requestId)
 */
@ConfigurationProperties("paddock.events.registration")
record RegistrationProperties(@DefaultValue("2s") Duration termsTtl, @DefaultValue("1s") Duration soldOutHint,
        @DefaultValue("2048") int maxInFlight, @DefaultValue("256") int batchSize,
        @DefaultValue("2048") int queueCapacity, @DefaultValue("32") int turns, @DefaultValue("4") int writers,
        @DefaultValue("5s") Duration answerTimeout) {
}
