package dev.paddock.messaging;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Conditional;

/**
 * A bean or configuration that exists only when {@code paddock.kafka.bootstrap-servers} is set. Without
 * it, Paddock runs on in-process events alone and never opens a connection to Kafka.
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Conditional(KafkaConfigured.class)
public @interface ConditionalOnKafka {
}
