package dev.paddock.live.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.paddock.identity.AccountId;
import dev.paddock.live.LiveChannel;
import dev.paddock.messaging.KafkaIT;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.test.utils.ContainerTestUtils;

/** With Kafka, a push goes through the paddock.live topic and comes back to the node holding the stream. */
@KafkaIT
class LiveFanOutIT {

    @LocalServerPort
    int port;

    @Autowired
    LiveChannel live;

    @Autowired
    SseHub hub;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    /** The fan-out consumer starts at the latest offset: a push sent before it is assigned never arrives. */
    @BeforeEach
    void fanOutConsumerIsAssigned() {
        for (MessageListenerContainer container : listeners.getListenerContainers()) {
            if (Set.of(container.getContainerProperties().getTopics()).contains(LiveFanOut.TOPIC)) {
                ContainerTestUtils.waitForAssignment(container, 1);
            }
        }
    }

    @Test
    void aTopicPushTravelsThroughKafkaToTheOpenStream() throws Exception {
        assertThat(live).isInstanceOf(KafkaLiveChannel.class);
        String race = "race-" + UUID.randomUUID();
        try (SseClient page = SseClient.open(URI.create("http://localhost:" + port + "/live/stream?topic=" + race))) {
            page.await("ready");

            live.toTopic(race, "odds", Map.of("runner", 2));

            assertThat(page.await("odds").data()).isEqualTo("{\"runner\":2}");
        }
    }

    @Test
    void anAccountPushTravelsThroughKafkaToThatAccountsStreamsOnly() {
        AccountId account = AccountId.random();
        RecordingEmitter own = new RecordingEmitter();
        RecordingEmitter someoneElse = new RecordingEmitter();
        hub.register(own, account, Set.of());
        hub.register(someoneElse, AccountId.random(), Set.of());

        live.toAccount(account, "wallet", Map.of("balance", 1250));

        await().atMost(Duration.ofSeconds(30)).until(() -> own.received("wallet"));
        assertThat(own.sent()).anyMatch(text -> text.contains("\"balance\":1250"));
        assertThat(someoneElse.received("wallet")).isFalse();
    }
}
