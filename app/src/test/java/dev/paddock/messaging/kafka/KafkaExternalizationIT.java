package dev.paddock.messaging.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.paddock.identity.AccountId;
import dev.paddock.messaging.KafkaIT;
import dev.paddock.messaging.Probes;
import dev.paddock.shared.Money;
import dev.paddock.wallet.IdempotencyKey;
import dev.paddock.wallet.Movement;
import dev.paddock.wallet.Wallets;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@KafkaIT
class KafkaExternalizationIT {

    private static final String EXTERNALIZER = "%EventExternalizerModuleListener%";

    @Autowired
    Probes probes;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Autowired
    Wallets wallets;

    @Test
    void anExternalizedEventReachesItsTopicAsJsonKeyedByItsAggregateIdAndItsPublicationCompletes() {
        UUID probe = UUID.randomUUID();
        try (Consumer<String, String> consumer = consumer()) {
            broker.consumeFromAnEmbeddedTopic(consumer, KafkaIT.PROBES);

            probes.record(probe, "first lap");

            ConsumerRecord<String, String> record = await().atMost(Duration.ofSeconds(30))
                    .until(() -> find(consumer, probe.toString()), Optional::isPresent).orElseThrow();
            JsonNode body = json.readTree(record.value());
            assertThat(body.get("probeId").asString()).isEqualTo(probe.toString());
            assertThat(body.get("note").asString()).isEqualTo("first lap");
            assertThat(new String(record.headers().lastHeader(KafkaEventTransport.EVENT_HEADER).value(),
                    StandardCharsets.UTF_8)).isEqualTo("ProbeRecorded");
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> status(probe), "COMPLETED"::equals);
    }

    @Test
    void aWalletMovementIsPublishedToItsTopicKeyedByTheAccount() {
        AccountId account = AccountId.random();
        try (Consumer<String, String> consumer = consumer()) {
            broker.consumeFromAnEmbeddedTopic(consumer, KafkaIT.WALLET_MOVEMENTS);

            Movement deposit = wallets.deposit(account, Money.ofCents(42_50), IdempotencyKey.of("kafka-" + account));

            ConsumerRecord<String, String> record = await().atMost(Duration.ofSeconds(30))
                    .until(() -> find(consumer, account.toString()), Optional::isPresent).orElseThrow();
            JsonNode body = json.readTree(record.value());
            assertThat(body.get("accountId").asString()).isEqualTo(account.toString());
            assertThat(body.get("movementId").asString()).isEqualTo(deposit.movementId().toString());
            assertThat(body.get("kind").asString()).isEqualTo("DEPOSIT");
            assertThat(body.get("amount").asLong()).isEqualTo(42_50);
            assertThat(body.get("balanceAfter").asLong()).isEqualTo(42_50);
        }
    }

    @Test
    void aSendTheBrokerRefusesLeavesThePublicationFailedForTheRetryJob() {
        UUID probe = UUID.randomUUID();
        // Larger than the producer's max.request.size (1 MB): the send fails, as with a broker that is down.
        probes.record(probe, "x".repeat(2_000_000));

        await().atMost(Duration.ofSeconds(30)).until(() -> status(probe), "FAILED"::equals);
    }

    private String status(UUID probe) {
        return jdbc.sql("select status from event_publication where listener_id like :listener"
                        + " and serialized_event like :probe")
                .param("listener", EXTERNALIZER).param("probe", "%" + probe + "%")
                .query(String.class).optional().orElse(null);
    }

    private static Optional<ConsumerRecord<String, String>> find(Consumer<String, String> consumer, String key) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
            if (key.equals(record.key())) {
                return Optional.of(record);
            }
        }
        return Optional.empty();
    }

    private Consumer<String, String> consumer() {
        Map<String, Object> properties = KafkaTestUtils.consumerProps(broker, "probe-reader-" + UUID.randomUUID(), false);
        properties.put("auto.offset.reset", "earliest");
        return new DefaultKafkaConsumerFactory<>(properties, new StringDeserializer(), new StringDeserializer())
                .createConsumer();
    }
}
