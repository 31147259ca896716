package dev.paddock.messaging.kafka;

import dev.paddock.messaging.ConditionalOnKafka;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.expression.BeanFactoryResolver;
import org.springframework.core.env.Environment;
import org.springframework.expression.spel.support.StandardEvaluationContext;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.modulith.events.support.EventExternalizerModuleListener;
import tools.jackson.databind.json.JsonMapper;

/**
 * Externalizes {@code @Externalized} events to Kafka when a bootstrap server is configured. The
 * externalizer is itself an event listener of the publication registry: each event it must send is a
 * publication in the outbox, completed on the broker's acknowledgement and retried like any other
 * listener otherwise. (Spring Modulith's own Kafka module is not used: it is not on this project's Maven
 * mirror, and the transport is the only part it would add.)
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnKafka
class KafkaExternalization {

    private static final Logger log = LoggerFactory.getLogger(KafkaExternalization.class);

    @Bean
    KafkaEventTransport kafkaEventTransport(KafkaOperations<String, String> kafka, JsonMapper json,
            BeanFactory beans, MeterRegistry meters) {
        StandardEvaluationContext routing = new StandardEvaluationContext();
        routing.setBeanResolver(new BeanFactoryResolver(beans));
        return new KafkaEventTransport(kafka, json, routing, meters);
    }

    @Bean
    EventExternalizerModuleListener kafkaEventExternalizer(EventExternalizationConfiguration configuration,
            KafkaEventTransport transport, Environment environment) {
        log.info("Externalizing @Externalized events to Kafka at {}",
                environment.getProperty("paddock.kafka.bootstrap-servers"));
        return new EventExternalizerModuleListener(configuration, transport);
    }
}
