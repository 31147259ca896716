package dev.paddock.tote.results;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paddock.identity.AccountId;
import dev.paddock.live.LiveChannel;
import dev.paddock.tote.RaceCancelled;
import dev.paddock.tote.ResultOfficial;
import dev.paddock.tote.ResultProvisional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

class ResultPushTest {

    record Push(String topic, String event, Object data) {
    }

    private final List<Push> pushed = new ArrayList<>();
    private final ResultPush push = new ResultPush(new LiveChannel() {
        @Override
        public void toAccount(AccountId account, String event, Object data) {
            throw new AssertionError("results are public, never pushed to one account");
        }

        @Override
        public void toTopic(String topic, String event, Object data) {
            pushed.add(new Push(topic, event, data));
        }
    });

    @Test
    void everyNewResultVersionAndACancellationReachTheRaceTopic() {
        UUID race = UUID.randomUUID();
        Instant at = Instant.parse("2026-05-01T12:00:00Z");

        push.on(new ResultProvisional(race, 1, at));
        push.on(new ResultOfficial(race, 2, at));
        push.on(new RaceCancelled(race, at));

        assertThat(pushed).containsExactly(
                new Push("race:" + race, "result", Map.of("raceId", race, "version", 1, "state", "PROVISIONAL")),
                new Push("race:" + race, "result", Map.of("raceId", race, "version", 2, "state", "OFFICIAL")),
                new Push("race:" + race, "result", Map.of("raceId", race, "state", "CANCELLED")));
    }

    @Test
    void insideATransactionThePushWaitsForTheCommit() {
        TransactionSynchronizationManager.initSynchronization();
        try {
            push.on(new ResultProvisional(UUID.randomUUID(), 1, Instant.now()));
            assertThat(pushed).isEmpty();

            TransactionSynchronizationManager.getSynchronizations().forEach(TransactionSynchronization::afterCommit);
            assertThat(pushed).singleElement().satisfies(p -> assertThat(p.event()).isEqualTo("result"));
        } finally {
            TransactionSynchronizationManager.clearSynchronization();
        }
    }
}
