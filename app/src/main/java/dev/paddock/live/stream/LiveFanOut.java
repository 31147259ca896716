package dev.paddock.live.stream;

import dev.paddock.identity.AccountId;
import dev.paddock.messaging.ConditionalOnKafka;
import org.apache.kafka.clients.admin.NewTopic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaOperations;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Multi-node live channel, active when Kafka is configured. Each node consumes the whole
 * {@code paddock.live} topic in a consumer group of its own (so every node sees every push), from the
 * latest offset (a push older than the node is of no use), and delivers to its local streams.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnKafka
class LiveFanOut {

    static final String TOPIC = "paddock.live";
    private static final Logger log = LoggerFactory.getLogger(LiveFanOut.class);

    private final SseHub hub;
    private final JsonMapper json;

    LiveFanOut(SseHub hub, JsonMapper json) {
        this.hub = hub;
        this.json = json;
    }

    @Bean
    @Primary
    KafkaLiveChannel kafkaLiveChannel(KafkaOperations<String, String> kafka) {
        return new KafkaLiveChannel(kafka, json);
    }

    /** Pushes are worthless after a minute, so the topic keeps them no longer. */
    @Bean
    NewTopic liveTopic() {
        return TopicBuilder.name(TOPIC).partitions(1).config(TopicConfig.RETENTION_MS_CONFIG, "60000").build();
    }

    @KafkaListener(topics = TOPIC, groupId = "paddock-live-#{T(java.util.UUID).randomUUID()}",
            properties = "auto.offset.reset=latest")
    void deliver(String record) {
        LiveMessage message;
        try {
            message = json.readValue(record, LiveMessage.class);
        } catch (JacksonException e) {
            log.warn("Skipping a malformed live message: {}", e.getMessage());
            return;
        }
        if (message.account() != null) {
            hub.toAccount(AccountId.of(message.account()), message.event(), message.data());
        } else if (message.topic() != null) {
            hub.toTopic(message.topic(), message.event(), message.data());
        }
    }
}
