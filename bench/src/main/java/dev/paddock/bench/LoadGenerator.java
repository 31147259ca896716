package dev.paddock.bench;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An open-model load generator. Request n is due at a time fixed by the {@link Schedule}; the
 * generator sends it then, whether or not earlier requests were answered, and measures its latency from
 * that intended time. A server that stalls therefore shows the whole stall in the latencies of every
 * request that should have left during it (no coordinated omission). Requests due during the warm-up are
 * sent but not measured.
 */
public final class LoadGenerator {

    private final Schedule schedule;
    private final Duration warmUp;
    private final int maxInFlight;
    private final Duration drainTimeout;
    private final Ticker ticker;

    public LoadGenerator(Schedule schedule, Duration warmUp, int maxInFlight, Duration drainTimeout,
            Ticker ticker) {
        if (warmUp.compareTo(schedule.length()) >= 0) {
            throw new IllegalArgumentException("The warm-up must be shorter than the run");
        }
        this.schedule = schedule;
        this.warmUp = warmUp;
        this.maxInFlight = maxInFlight;
        this.drainTimeout = drainTimeout;
        this.ticker = ticker;
    }

    /**
     * Runs the schedule against {@code target}, then waits up to the drain timeout for answers still due.
     *
     * @param results           where measured requests are recorded, readable while the run goes on
     * @param measurementStarts called once, on the scheduling thread, when the first measured request is due
     */
    public Results run(Target target, Results results, Runnable measurementStarts) throws InterruptedException {
        AtomicInteger inFlight = new AtomicInteger();
        long start = ticker.nanoTime();
        long warmUpNanos = warmUp.toNanos();
        boolean measuring = false;
        for (long n = 0; ; n++) {
            long offset = schedule.intendedOffsetNanos(n);
            if (offset == Long.MAX_VALUE) {
                break;
            }
            long intended = start + offset;
            ticker.sleepUntil(intended);
            boolean measured = offset >= warmUpNanos;
            if (measured && !measuring) {
                measuring = true;
                measurementStarts.run();
            }
            if (measured) {
                results.schedulingLag(ticker.nanoTime() - intended);
            }
            if (inFlight.get() >= maxInFlight) {
                if (measured) {
                    results.couldNotSend();
                }
                continue;
            }
            inFlight.incrementAndGet();
            if (measured) {
                results.sent();
            }
            CompletableFuture<Outcome> answer;
            try {
                answer = target.send(n);
            } catch (RuntimeException e) {
                answer = CompletableFuture.failedFuture(e);
            }
            answer.whenComplete((outcome, failure) -> {
                long latency = ticker.nanoTime() - intended;
                inFlight.decrementAndGet();
                if (measured) {
                    results.record(failure == null ? outcome : Outcome.failed(failure), latency);
                }
            });
        }
        drain(inFlight, results);
        return results;
    }

    private void drain(AtomicInteger inFlight, Results results) throws InterruptedException {
        long deadline = ticker.nanoTime() + drainTimeout.toNanos();
        while (inFlight.get() > 0 && ticker.nanoTime() < deadline) {
            ticker.sleepUntil(Math.min(deadline, ticker.nanoTime() + 10_000_000));
        }
        results.unanswered(inFlight.get());
    }
}
