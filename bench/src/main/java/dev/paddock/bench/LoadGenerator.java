package dev.paddock.bench;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.function.LongToIntFunction;

/**
 * An open-model load generator. Request n is due at a time fixed by the {@link Schedule}; the
 * generator sends it then, whether or not earlier requests were answered, and measures its latency from
 * that intended time. A server that stalls therefore shows the whole stall in the latencies of every
 * request that should have left during it (no coordinated omission). Requests due during the warm-up are
 * sent but not measured.
 * <p>
 * With a wake-up slot, the generator's thread wakes at most once per slot and sends every request then due: a
 * request leaves up to a slot after its intended time, and that delay counts in its latency. At 5,000 requests/s a
 * slot of 1 ms makes 1,000 wake-ups a second instead of 5,000 (each a timed park and a wake-up of the client's
 * selector), for at most 1 ms more latency, charged to the server.
 */
public final class LoadGenerator {

    private final Schedule schedule;
    private final Duration warmUp;
    private final int maxInFlight;
    private final Duration drainTimeout;
    private final Ticker ticker;
    private final long slotNanos;

    /** @param slot the shortest time between two wake-ups of the generator's thread (zero: one per request) */
    public LoadGenerator(Schedule schedule, Duration warmUp, int maxInFlight, Duration drainTimeout,
            Ticker ticker, Duration slot) {
        if (warmUp.compareTo(schedule.length()) >= 0) {
            throw new IllegalArgumentException("The warm-up must be shorter than the run");
        }
        this.schedule = schedule;
        this.warmUp = warmUp;
        this.maxInFlight = maxInFlight;
        this.drainTimeout = drainTimeout;
        this.ticker = ticker;
        this.slotNanos = slot.toNanos();
    }

    /**
     * Runs the schedule against {@code target}, then waits up to the drain timeout for answers still due.
     *
     * @param results           where measured requests are recorded, readable while the run goes on
     * @param measurementStarts called once, on the scheduling thread, when the first measured request is due
     */
    public Results run(Target target, Results results, Runnable measurementStarts) throws InterruptedException {
        run(target, List.of(results), n -> 0, measurementStarts);
        return results;
    }

    /**
     * The same for several kinds of requests on one schedule: request n is of kind {@code kindOf(n)}, recorded in
     * {@code kinds.get(kindOf(n))}.
     */
    public void run(Target target, List<Results> kinds, LongToIntFunction kindOf, Runnable measurementStarts)
            throws InterruptedException {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicIntegerArray inFlightOfKind = new AtomicIntegerArray(kinds.size());
        long start = ticker.nanoTime();
        long warmUpNanos = warmUp.toNanos();
        boolean measuring = false;
        long awake = Long.MIN_VALUE / 2;
        for (long n = 0; ; n++) {
            long offset = schedule.intendedOffsetNanos(n);
            if (offset == Long.MAX_VALUE) {
                break;
            }
            long intended = start + offset;
            if (intended > awake) {
                ticker.sleepUntil(Math.max(intended, awake + slotNanos));
                awake = ticker.nanoTime();
            }
            int kind = kindOf.applyAsInt(n);
            Results results = kinds.get(kind);
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
            inFlightOfKind.incrementAndGet(kind);
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
                inFlightOfKind.decrementAndGet(kind);
                if (measured) {
                    results.record(failure == null ? outcome : Outcome.failed(failure), latency);
                }
            });
        }
        drain(inFlight);
        for (int kind = 0; kind < kinds.size(); kind++) {
            kinds.get(kind).unanswered(inFlightOfKind.get(kind));
        }
    }

    private void drain(AtomicInteger inFlight) throws InterruptedException {
        long deadline = ticker.nanoTime() + drainTimeout.toNanos();
        while (inFlight.get() > 0 && ticker.nanoTime() < deadline) {
            ticker.sleepUntil(Math.min(deadline, ticker.nanoTime() + 10_000_000));
        }
    }
}
