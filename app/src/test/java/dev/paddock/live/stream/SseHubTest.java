package dev.paddock.live.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paddock.identity.AccountId;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SseHubTest {

    private final SseHub hub = new SseHub(Duration.ofMinutes(30));

    @Test
    void aNewStreamIsGreetedWithReady() {
        RecordingEmitter page = new RecordingEmitter();

        hub.register(page, null, Set.of("race-1"));

        assertThat(page.received("ready")).isTrue();
    }

    @Test
    void anAccountsEventsReachOnlyThatAccountsStreams() {
        AccountId alice = AccountId.random();
        RecordingEmitter alicePhone = new RecordingEmitter();
        RecordingEmitter aliceLaptop = new RecordingEmitter();
        RecordingEmitter bob = new RecordingEmitter();
        hub.register(alicePhone, alice, Set.of());
        hub.register(aliceLaptop, alice, Set.of("race-1"));
        hub.register(bob, AccountId.random(), Set.of("race-1"));

        hub.toAccount(alice, "wallet", Map.of("balance", 5000));

        assertThat(alicePhone.received("wallet")).isTrue();
        assertThat(aliceLaptop.received("wallet")).isTrue();
        assertThat(bob.received("wallet")).isFalse();
    }

    @Test
    void aTopicsEventsReachOnlyItsSubscribers() {
        RecordingEmitter race1 = new RecordingEmitter();
        RecordingEmitter race2 = new RecordingEmitter();
        hub.register(race1, null, Set.of("race-1"));
        hub.register(race2, null, Set.of("race-2"));

        hub.toTopic("race-1", "odds", Map.of("runner", 4));

        assertThat(race1.received("odds")).isTrue();
        assertThat(race2.received("odds")).isFalse();
    }

    @Test
    void theHeartbeatReachesEachStreamOnceWhateverItsSubscriptions() {
        RecordingEmitter page = new RecordingEmitter();
        hub.register(page, AccountId.random(), Set.of("race-1", "race-2", "race-3"));

        hub.heartbeat();

        assertThat(page.sent()).filteredOn(text -> text.contains(":heartbeat")).hasSize(1);
    }

    @Test
    void theHeartbeatDropsAStreamWhoseClientIsGoneFromEverySubscription() {
        AccountId account = AccountId.random();
        RecordingEmitter gone = new RecordingEmitter();
        RecordingEmitter alive = new RecordingEmitter();
        hub.register(gone, account, Set.of("race-1", "race-2"));
        hub.register(alive, null, Set.of("race-1"));
        assertThat(hub.openStreams()).isEqualTo(2);

        gone.disconnect();
        hub.heartbeat();

        assertThat(hub.openStreams()).isEqualTo(1);
        int sentBefore = gone.sent().size();
        hub.toTopic("race-2", "odds", Map.of());
        hub.toAccount(account, "wallet", Map.of());
        assertThat(gone.sent()).hasSize(sentBefore);
        hub.toTopic("race-1", "odds", Map.of());
        assertThat(alive.received("odds")).isTrue();
    }

    @Test
    void aStreamThatFailsOnAPushIsDroppedToo() {
        RecordingEmitter gone = new RecordingEmitter();
        hub.register(gone, null, Set.of("race-1"));
        gone.disconnect();

        hub.toTopic("race-1", "odds", Map.of());

        assertThat(hub.openStreams()).isZero();
    }

    @Test
    void aStreamWithNothingToReceiveIsStillHeartbeatedAndCounted() {
        RecordingEmitter anonymousWithoutTopics = new RecordingEmitter();
        hub.register(anonymousWithoutTopics, null, Set.of());

        hub.heartbeat();

        assertThat(hub.openStreams()).isEqualTo(1);
        assertThat(anonymousWithoutTopics.sent()).anyMatch(text -> text.contains(":heartbeat"));
    }

    @Test
    void stoppingTheApplicationEndsEveryStream() {
        hub.start();
        hub.register(new RecordingEmitter(), null, Set.of());
        hub.register(new RecordingEmitter(), AccountId.random(), Set.of("race-1"));

        hub.stop();

        assertThat(hub.openStreams()).isZero();
        assertThat(hub.isRunning()).isFalse();
    }
}
