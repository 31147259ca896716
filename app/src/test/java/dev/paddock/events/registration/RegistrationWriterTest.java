package dev.paddock.events.registration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paddock.identity.AccountId;
import dev.paddock.shared.ProblemException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/**
 * The writer's bounded line: past its capacity, and once stopped, a registration is refused at once with 503 (who
 * takes what from the line: WaitingRegistrationsTest).
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
    void pastTheLinesCapacityARegistrationIsAnsweredOverloadedAtOnceWhoeverItsBuyer() {
        RegistrationWriter writer = writer(2);
        CompletableFuture<RegistrationAnswer> first = writer.submit(candidate("a"));
        CompletableFuture<RegistrationAnswer> second = writer.submit(candidate(AccountId.random(), "b"));
        CompletableFuture<RegistrationAnswer> third = writer.submit(candidate(AccountId.random(), "c"));

        assertThat(first).isNotDone();
        assertThat(second).isNotDone();
        assertThat(overloaded(third).status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(overloaded(third).slug()).isEqualTo("overloaded");
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
