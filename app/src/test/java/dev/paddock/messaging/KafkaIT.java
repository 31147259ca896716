package dev.paddock.messaging;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ActiveProfiles;

/**
 * The one test context with Kafka: an embedded KRaft broker, Paddock pointed at it, a real HTTP port.
 * Every Kafka integration test uses this annotation unchanged, so they share the context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "paddock.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}")
@ActiveProfiles("test")
@EmbeddedKafka(partitions = 1, topics = { KafkaIT.PROBES, KafkaIT.WALLET_MOVEMENTS, "paddock.live" })
public @interface KafkaIT {

    String PROBES = "paddock.test.probes";

    String WALLET_MOVEMENTS = "paddock.wallet.movements";
}
