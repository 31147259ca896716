package dev.paddock.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** The whole schedule runs in virtual time: no sleeping, no timing assertions. */
class LoadGeneratorTest {

    private static final long MS = 1_000_000;

    /** Time moves only when the generator waits; answers held back by the stall are released at its end. */
    static final class StallingServer implements Ticker, Target {
        private final long stallFrom;
        private final long stallUntil;
        private final List<CompletableFuture<Outcome>> held = new ArrayList<>();
        private final List<Long> sentAt = new ArrayList<>();
        private long now;
        private int wakeUps;

        StallingServer(long stallFrom, long stallUntil) {
            this.stallFrom = stallFrom;
            this.stallUntil = stallUntil;
        }

        @Override
        public long nanoTime() {
            return now;
        }

        @Override
        public void sleepUntil(long deadline) {
            if (deadline > now) {
                wakeUps++;
                if (now < stallUntil && deadline >= stallUntil) {
                    now = stallUntil;
                    held.forEach(answer -> answer.complete(Outcome.of(201, null)));
                    held.clear();
                }
                now = deadline;
            }
        }

        @Override
        public CompletableFuture<Outcome> send(long sequence) {
            sentAt.add(now);
            if (now >= stallFrom && now < stallUntil) {
                CompletableFuture<Outcome> answer = new CompletableFuture<>();
                held.add(answer);
                return answer;
            }
            return CompletableFuture.completedFuture(
                    sequence % 10 == 0 ? Outcome.of(409, "https://paddock.dev/problems/insufficient-funds")
                            : Outcome.of(201, null));
        }
    }

    @Test
    void aStalledServerShowsInTheLatencyOfEveryRequestDueDuringTheStall() throws InterruptedException {
        StallingServer server = new StallingServer(1_000 * MS, 2_000 * MS);
        LoadGenerator generator = new LoadGenerator(RateSchedule.constant(100, Duration.ofSeconds(3)), Duration.ZERO,
                10_000, Duration.ofSeconds(5), server, Duration.ZERO);

        Results results = generator.run(server, new Results(), () -> { });

        Histogram latencies = results.latencies();
        assertThat(results.attempted()).isEqualTo(300);
        assertThat(latencies.getTotalCount()).isEqualTo(300);
        // The request due at 1.00 s waited the whole second; the one due at 1.99 s, 10 ms.
        assertThat(latencies.getMaxValue()).isCloseTo(1_000_000L, within(1_000L));
        assertThat(latencies.getValueAtPercentile(99)).isGreaterThan(950_000L);
        assertThat(latencies.getValueAtPercentile(50)).isZero();
        // ~100 stalled requests, uniformly 10..1000 ms: their mean is ~505 ms.
        assertThat(latencies.getMean()).isCloseTo(505_000 / 3.0, within(5_000.0));
    }

    @Test
    void requestsLeaveAtTheirIntendedTimesEvenWhileEarlierOnesAreUnanswered() throws InterruptedException {
        StallingServer server = new StallingServer(1_000 * MS, 2_000 * MS);
        LoadGenerator generator = new LoadGenerator(RateSchedule.constant(100, Duration.ofSeconds(3)), Duration.ZERO,
                10_000, Duration.ofSeconds(5), server, Duration.ZERO);

        generator.run(server, new Results(), () -> { });

        assertThat(server.sentAt).hasSize(300);
        for (int n = 0; n < 300; n++) {
            assertThat(server.sentAt.get(n)).isEqualTo(n * 10 * MS);
        }
    }

    @Test
    void theWarmUpIsSentButNotMeasured() throws InterruptedException {
        StallingServer server = new StallingServer(0, 500 * MS);
        LoadGenerator generator = new LoadGenerator(RateSchedule.constant(100, Duration.ofSeconds(3)),
                Duration.ofSeconds(1), 10_000, Duration.ofSeconds(5), server, Duration.ZERO);
        long[] measurementStartedAt = { -1 };

        Results results = generator.run(server, new Results(), () -> measurementStartedAt[0] = server.nanoTime());

        assertThat(server.sentAt).hasSize(300);
        assertThat(results.attempted()).isEqualTo(200);
        assertThat(results.latencies().getMaxValue()).isZero();
        assertThat(measurementStartedAt[0]).isEqualTo(1_000 * MS);
    }

    @Test
    void refusalsAreCountedByStatusAndProblemType() throws InterruptedException {
        StallingServer server = new StallingServer(0, 0);
        LoadGenerator generator = new LoadGenerator(RateSchedule.constant(100, Duration.ofSeconds(1)), Duration.ZERO,
                10_000, Duration.ofSeconds(5), server, Duration.ZERO);

        Results results = generator.run(server, new Results(), () -> { });

        assertThat(results.accepted()).isEqualTo(90);
        assertThat(results.refused()).containsExactly(
                Map.entry("409 https://paddock.dev/problems/insufficient-funds", 10L));
    }

    @Test
    void whenTheInFlightCapIsReachedRequestsAreCountedAsNotSentAndUnansweredOnesAtTheEndAsSuch()
            throws InterruptedException {
        StallingServer server = new StallingServer(0, Long.MAX_VALUE);
        LoadGenerator generator = new LoadGenerator(RateSchedule.constant(100, Duration.ofSeconds(1)), Duration.ZERO,
                40, Duration.ofSeconds(1), server, Duration.ZERO);

        Results results = generator.run(server, new Results(), () -> { });

        assertThat(results.attempted()).isEqualTo(100);
        assertThat(results.notSent()).isEqualTo(60);
        assertThat(results.unanswered()).isEqualTo(40);
    }

    @Test
    void withAWakeUpSlotTheGeneratorWakesOncePerSlotAndEachRequestLeavesWithinASlotOfItsTime()
            throws InterruptedException {
        StallingServer server = new StallingServer(0, 0);
        LoadGenerator generator = new LoadGenerator(RateSchedule.constant(5_000, Duration.ofSeconds(1)), Duration.ZERO,
                10_000, Duration.ofSeconds(5), server, Duration.ofMillis(1));

        Results results = generator.run(server, new Results(), () -> { });

        assertThat(server.sentAt).hasSize(5_000);
        assertThat(server.wakeUps).isBetween(999, 1_001);
        for (int n = 0; n < 5_000; n++) {
            long intended = n * 200_000L;
            assertThat(server.sentAt.get(n)).isBetween(intended, intended + MS);
        }
        // answered at once: the latency is the wait for the slot, from the intended time
        assertThat(results.latencies().getMaxValue()).isBetween(800L, 1_000L);
        assertThat(results.maxSchedulingLagNanos()).isBetween(800_000L, MS);
    }

    @Test
    void withoutASlotTheGeneratorWakesForEveryRequest() throws InterruptedException {
        StallingServer server = new StallingServer(0, 0);
        LoadGenerator generator = new LoadGenerator(RateSchedule.constant(5_000, Duration.ofSeconds(1)), Duration.ZERO,
                10_000, Duration.ofSeconds(5), server, Duration.ZERO);

        generator.run(server, new Results(), () -> { });

        assertThat(server.wakeUps).isEqualTo(4_999);
    }

    @Test
    void kindsOnOneScheduleAreRecordedApartUnansweredOnesIncluded() throws InterruptedException {
        StallingServer server = new StallingServer(500 * MS, Long.MAX_VALUE);
        LoadGenerator generator = new LoadGenerator(RateSchedule.constant(100, Duration.ofSeconds(1)), Duration.ZERO,
                10_000, Duration.ofSeconds(1), server, Duration.ZERO);
        List<Results> kinds = List.of(new Results(), new Results());

        generator.run(server, kinds, n -> n % 4 == 0 ? 0 : 1, () -> { });

        assertThat(kinds.get(0).attempted()).isEqualTo(25);
        assertThat(kinds.get(1).attempted()).isEqualTo(75);
        assertThat(kinds.get(0).accepted() + kinds.get(0).refused().values().stream().mapToLong(Long::longValue).sum())
                .isEqualTo(13);
        assertThat(kinds.get(0).unanswered()).isEqualTo(12);
        assertThat(kinds.get(1).unanswered()).isEqualTo(38);
    }
}
