/**
 * Messaging: the plumbing behind domain events. Events go through Spring Modulith's event publication
 * registry (a transactional outbox); failed listeners are retried on a schedule and shown to operators;
 * events annotated {@code @Externalized} are sent to Kafka when a bootstrap server is configured.
 * Other modules only need {@link dev.paddock.messaging.ConditionalOnKafka}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Messaging")
package dev.paddock.messaging;
