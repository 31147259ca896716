package dev.paddock.events.registration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paddock.identity.AccountId;
import dev.paddock.shared.ProblemException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpStatus;

/**
 * The writer's bounded queues, one per writer thread, partitioned by buyer: past a queue's capacity, and once
 * stopped, a registration is refused at once with 503; a buyer's registrations always go to the same writer.
 */
class RegistrationWriterTest {

    private static RegistrationWriter writer(int queueCapacity) {
        RegistrationProperties properties = new RegistrationProperties(Duration.ofSeconds(2), Duration.ofSeconds(1),
                512, 256, queueCapacity, 8, 2, Duration.ofSeconds(5));
        return new RegistrationWriter(properties, null, null, new RecentAnswers(), null, Clock.systemUTC(),
                new SimpleMeterRegistry());
    }

    private static final AccountId BUYER = AccountId.random();

    private static RegistrationBatch.Candidate candidate(String requestId) {
        return candidate(BUYER, requestId);
    }

    private static RegistrationBatch.Candidate candidate(AccountId buyer, String requestId) {
        var entry = new RegistrationDesk.Entry(null, buyer, null, null, null, null, null);
        return new RegistrationBatch.Candidate(entry, requestId, "fingerprint", null, null, true, new CompletableFuture<>());
    }

    @Test
    void pastItsWritersQueueCapacityABuyersRegistrationIsAnsweredOverloadedAtOnce() {
        RegistrationWriter writer = writer(2);
        CompletableFuture<RegistrationAnswer> first = writer.submit(candidate("a"));
        CompletableFuture<RegistrationAnswer> second = writer.submit(candidate("b"));
        CompletableFuture<RegistrationAnswer> third = writer.submit(candidate("c"));

        assertThat(first).isNotDone();
        assertThat(second).isNotDone();
        assertThat(overloaded(third).status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(overloaded(third).slug()).isEqualTo("overloaded");
        // another writer's queue is not full: a buyer of the other writer is still taken
        AccountId other = AccountId.random();
        while (RegistrationWriter.queueOf(other.value(), 2) == RegistrationWriter.queueOf(BUYER.value(), 2)) {
            other = AccountId.random();
        }
        assertThat(writer.submit(candidate(other, "d"))).isNotDone();
    }

    @ParameterizedTest(name = "{0} writer(s)")
    @ValueSource(ints = {1, 2, 4, 7})
    void aBuyerAlwaysGoesToTheSameWriterAndEveryWriterGetsBuyers(int writers) {
        Set<Integer> used = new HashSet<>();
        for (int n = 0; n < 1_000; n++) {
            UUID buyer = UUID.randomUUID();
            int writer = RegistrationWriter.queueOf(buyer, writers);
            assertThat(writer).isBetween(0, writers - 1);
            assertThat(RegistrationWriter.queueOf(UUID.fromString(buyer.toString()), writers)).isEqualTo(writer);
            used.add(writer);
        }
        assertThat(used).containsExactlyInAnyOrderElementsOf(IntStream.range(0, writers).boxed().toList());
    }

    @Test
    void aStoppedWriterTakesNothingMore() {
        RegistrationWriter writer = writer(10);
        writer.stop();
        assertThat(overloaded(writer.submit(candidate("a"))).slug()).isEqualTo("overloaded");
    }

    @Test
    void aWriterStartedAgainAfterAStopTakesRegistrationsAgain() {
        RegistrationWriter writer = writer(10);
        writer.stop();
        writer.start();
        try {
            assertThat(writer.isRunning()).isTrue();
            CompletableFuture<RegistrationAnswer> answer = writer.submit(candidate("a"));
            // taken: still queued, or already failed by this writer that has no database; never refused at the door
            Throwable refused = answer.isCompletedExceptionally() ? answer.exceptionNow() : null;
            assertThat(refused instanceof RegistrationWriter.Overloaded).as("refused: %s", refused).isFalse();
        } finally {
            writer.stop();
        }
    }

    private static ProblemException overloaded(CompletableFuture<RegistrationAnswer> answer) {
        assertThat(answer).isCompletedExceptionally();
        try {
            answer.join();
        } catch (CompletionException e) {
            return (ProblemException) e.getCause();
        }
        throw new AssertionError("answered " + answer.join());
    }
}
