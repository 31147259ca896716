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
    /** Each shown passing: when the intake answered it and its lag, in nanoseconds. */
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
                while (System.nanoTime() < giveUp) {
                    if (shows(crossing)) {
                        record(answeredAt, System.nanoTime() - answeredAt);
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

    synchronized void record(long answeredAt, long nanos) {
        lags.recordValue(Math.min(lags.getHighestTrackableValue(), nanos / 1000));
        log.add(new long[] {answeredAt, nanos});
    }

    /**
     * The lag log: the largest lag of the passings answered in each {@code every} from {@code start} (a
     * {@link System#nanoTime()}), and how many were followed, so that a lag's maximum can be placed in the run (the
     * warm-up's backlog, a stall in the steady state). Passings answered before {@code start} count as the warm-up.
     */
    synchronized String byInterval(long start, Duration every) {
        java.util.TreeMap<Long, long[]> intervals = new java.util.TreeMap<>();
        for (long[] sample : log) {
            long interval = sample[0] < start ? -1 : (sample[0] - start) / every.toNanos();
            long[] figures = intervals.computeIfAbsent(interval, i -> new long[2]);
            figures[0] = Math.max(figures[0], sample[1]);
            figures[1]++;
        }
        StringBuilder text = new StringBuilder();
        intervals.forEach((interval, figures) -> text.append(text.isEmpty() ? "" : ", ")
                .append(interval < 0 ? "warm-up" : interval * every.toSeconds() + "-" + (interval + 1) * every.toSeconds() + " s")
                .append(String.format(java.util.Locale.ROOT, ": %,.0f ms (%d)", figures[0] / 1e6, figures[1])));
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
