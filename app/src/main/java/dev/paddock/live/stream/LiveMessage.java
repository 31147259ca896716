package dev.paddock.live.stream;

import tools.jackson.databind.JsonNode;

/**
 * A live push travelling between nodes on the {@code paddock.live} Kafka topic: exactly one of
 * {@code account} (an account id) or {@code topic} is set.
 */
record LiveMessage(String account, String topic, String event, JsonNode data) {
}
