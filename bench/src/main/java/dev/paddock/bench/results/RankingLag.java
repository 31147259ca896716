package dev.paddock.bench.results;

import dev.paddock.bench.KeepAliveClient;
import dev.paddock.bench.PaddockApi;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.HdrHistogram.Histogram;
import tools.jackson.databind.JsonNode;

/**
 * How far the rankings trail the passings: for a sampled passing, from the intake's 2xx to the first answer of
 * the athlete's results JSON (anonymous, as the public reads it) that shows the passing counted: the finish time
 * for a finish, the split for a split. Polled every {@link #POLL_MILLIS} ms on a virtual thread; a passing not
 * shown after {@link #GIVE_UP_SECONDS} s is counted as never shown.
 */
final class RankingLag {

    static final long POLL_MILLIS = 20;
    static final long GIVE_UP_SECONDS = 30;

    private final PaddockApi api;
    private final KeepAliveClient lean;
    private final String raceId;
    private final Histogram lags = new Histogram(TimeUnit.MINUTES.toMicros(5), 3);
    private final AtomicInteger following = new AtomicInteger();
    private final java.util.Queue<Marathon.Crossing> givenUp = new java.util.concurrent.ConcurrentLinkedQueue<>();
    /**
     * Each shown passing: when the intake answered it, its lag and the longest round trip of its polls, in
     * nanoseconds. A lag made of one slow poll is the node answering late (a queue, a pause); a lag made of many fast
     * polls that did not show it yet is the rankings or the read side's bytes late.
     */
    private final List<long[]> log = new java.util.ArrayList<>();

    RankingLag(PaddockApi api, KeepAliveClient lean, String raceId) {
        this.api = api;
        this.lean = lean;
        this.raceId = raceId;
    }

    void follow(Marathon.Crossing crossing, long answeredAt) {
        following.incrementAndGet();
        Thread.ofVirtual().start(() -> {
            try {
                long giveUp = answeredAt + TimeUnit.SECONDS.toNanos(GIVE_UP_SECONDS);
                long slowestPoll = 0;
                while (System.nanoTime() < giveUp) {
                    long asked = System.nanoTime();
                    boolean shown = shows(crossing);
                    long now = System.nanoTime();
                    slowestPoll = Math.max(slowestPoll, now - asked);
                    if (shown) {
                        record(answeredAt, now - answeredAt, slowestPoll);
                        return;
                    }
                    Thread.sleep(POLL_MILLIS);
                }
                givenUp.add(crossing);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                following.decrementAndGet();
            }
        });
    }

    /** Whether the athlete's results JSON shows the crossing now. */
    boolean shows(Marathon.Crossing crossing) {
        String path = "/api/results/races/" + raceId + "/athletes/" + crossing.bib();
        CompletableFuture<String> answer = lean != null
                ? lean.getKeepingBody(path, "Accept", "application/json")
                        .thenApply(reply -> reply.status() == 200 ? reply.body() : null)
                : api.sendKeepingBody(api.anonymousGet(path, "application/json"))
                        .thenApply(reply -> reply.statusCode() == 200 ? reply.body() : null);
        String body = answer.exceptionally(e -> null).join();
        return body != null && shows(api.read(body), crossing);
    }

    /** Whether an athlete's results JSON counts the crossing. */
    static boolean shows(JsonNode athlete, Marathon.Crossing crossing) {
        if (crossing.finish()) {
            JsonNode gun = athlete.get("gun");
            return gun != null && !gun.asString().isEmpty();
        }
        for (JsonNode split : athlete.get("splits")) {
            if (split.get("point").asString().equals(crossing.point())) {
                return true;
            }
        }
        return false;
    }

    synchronized void record(long answeredAt, long nanos, long slowestPoll) {
        lags.recordValue(Math.min(lags.getHighestTrackableValue(), nanos / 1000));
        log.add(new long[] {answeredAt, nanos, slowestPoll});
    }

    /**
     * The lag log: the largest lag of the passings answered in each {@code every} of the run, the warm-up's
     * ({@code warmUp} before {@code start}, a {@link System#nanoTime()}) included, how many were followed, and the
     * slowest poll among them, so that a lag's maximum can be placed in the run (the warm-up's first seconds, a stall
     * in the steady state) and told apart: the node answering late, or showing the passing late.
     */
    synchronized String byInterval(long start, Duration warmUp, Duration every) {
        long from = start - warmUp.toNanos();
        long warmUpIntervals = warmUp.toNanos() / every.toNanos();
        java.util.TreeMap<Long, long[]> intervals = new java.util.TreeMap<>();
        for (long[] sample : log) {
            long[] figures = intervals.computeIfAbsent(Math.floorDiv(sample[0] - from, every.toNanos()),
                    i -> new long[3]);
            figures[0] = Math.max(figures[0], sample[1]);
            figures[1]++;
            figures[2] = Math.max(figures[2], sample[2]);
        }
        StringBuilder text = new StringBuilder();
        intervals.forEach((interval, figures) -> {
            long first = (interval < warmUpIntervals ? interval : interval - warmUpIntervals) * every.toSeconds();
            text.append(text.isEmpty() ? "" : ", ").append(interval < warmUpIntervals ? "warm-up " : "")
                    .append(first).append('-').append(first + every.toSeconds()).append(" s")
                    .append(String.format(java.util.Locale.ROOT, ": %,.0f ms (%d; poll %,.0f ms)", figures[0] / 1e6,
                            figures[1], figures[2] / 1e6));
        });
        return text.toString();
    }

    /** Waits until every followed passing is shown or given up. */
    void await() throws InterruptedException {
        while (following.get() > 0) {
            Thread.sleep(50);
        }
    }

    /** The lags measured, in microseconds. */
    synchronized Histogram lags() {
        return lags.copy();
    }

    /** The passings not shown within {@link #GIVE_UP_SECONDS} (or whose polls kept failing). */
    List<Marathon.Crossing> givenUp() {
        return List.copyOf(givenUp);
    }
}
