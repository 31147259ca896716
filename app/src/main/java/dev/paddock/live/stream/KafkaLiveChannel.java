package dev.paddock.live.stream;

import dev.paddock.identity.AccountId;
import dev.paddock.live.LiveChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaOperations;
import tools.jackson.databind.json.JsonMapper;

/**
 * A stream is held by one node, and the change behind a push may happen on another; so with Kafka each
 * push goes to the {@code paddock.live} topic and every node's {@link LiveFanOut} delivers it to the
 * streams it holds. Fire and forget, like the pushes themselves: a lost one costs freshness only.
 */
class KafkaLiveChannel implements LiveChannel {

    private static final Logger log = LoggerFactory.getLogger(KafkaLiveChannel.class);

    private final KafkaOperations<String, String> kafka;
    private final JsonMapper json;

    KafkaLiveChannel(KafkaOperations<String, String> kafka, JsonMapper json) {
        this.kafka = kafka;
        this.json = json;
    }

    @Override
    public void toAccount(AccountId account, String event, Object data) {
        publish(account.toString(), new LiveMessage(account.toString(), null, event, json.valueToTree(data)));
    }

    @Override
    public void toTopic(String topic, String event, Object data) {
        publish(topic, new LiveMessage(null, topic, event, json.valueToTree(data)));
    }

    private void publish(String key, LiveMessage message) {
        kafka.send(LiveFanOut.TOPIC, key, json.writeValueAsString(message)).whenComplete((result, failure) -> {
            if (failure != null) {
                log.warn("A live push was not sent to Kafka: {}", failure.getMessage());
            }
        });
    }
}
