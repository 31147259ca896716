package dev.paddock.messaging.kafka;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.expression.EvaluationContext;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.modulith.events.RoutingTarget;
import org.springframework.modulith.events.support.BrokerRouting;
import org.springframework.modulith.events.support.EventExternalizationTransport;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends an externalized event to Kafka as JSON, keyed by the routing key of its {@code @Externalized}
 * annotation (the aggregate id), with the event's simple type name in the {@code paddock-event} header.
 * The returned future completes when the broker has acknowledged the record (acks=all), so the event
 * publication is only marked completed once the record is durable; a failed send leaves it failed, and
 * the retry job resubmits it.
 */
class KafkaEventTransport implements EventExternalizationTransport {

    static final String EVENT_HEADER = "paddock-event";

    private final KafkaOperations<String, String> kafka;
    private final JsonMapper json;
    private final EvaluationContext routingContext;
    private final MeterRegistry meters;

    KafkaEventTransport(KafkaOperations<String, String> kafka, JsonMapper json, EvaluationContext routingContext,
            MeterRegistry meters) {
        this.kafka = kafka;
        this.json = json;
        this.routingContext = routingContext;
        this.meters = meters;
    }

    @Override
    public CompletableFuture<?> externalize(Object payload, RoutingTarget target) {
        BrokerRouting routing = BrokerRouting.of(target, routingContext);
        String topic = routing.getTarget(payload);
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, routing.getKey(payload),
                json.writeValueAsString(payload));
        record.headers().add(EVENT_HEADER, payload.getClass().getSimpleName().getBytes(StandardCharsets.UTF_8));
        return kafka.send(record).whenComplete((result, failure) -> sent(topic, failure == null));
    }

    private void sent(String topic, boolean ok) {
        Counter.builder("paddock.events.externalized")
                .description("Events sent to Kafka, by topic and outcome")
                .tag("topic", topic)
                .tag("outcome", ok ? "acknowledged" : "failed")
                .register(meters)
                .increment();
    }
}
