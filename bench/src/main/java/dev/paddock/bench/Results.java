package dev.paddock.bench;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * What the measured part of a run produced. Written by many threads at once (HdrHistogram's
 * {@link Recorder} is wait-free for writers); read by the progress and final reports.
 */
public final class Results {

    /** Microseconds, up to an hour, three significant digits. */
    private final Recorder latencies = new Recorder(TimeUnit.HOURS.toMicros(1), 3);
    private final Histogram total = new Histogram(TimeUnit.HOURS.toMicros(1), 3);
    private final LongAdder attempted = new LongAdder();
    private final LongAdder accepted = new LongAdder();
    private final LongAdder notSent = new LongAdder();
    private final LongAdder unanswered = new LongAdder();
    private final Map<String, LongAdder> refused = new ConcurrentHashMap<>();
    private final LongAccumulator maxSchedulingLagNanos = new LongAccumulator(Math::max, 0);

    public Results() {
    }

    void sent() {
        attempted.increment();
    }

    /** The generator could not send on time (in-flight cap): counted, never silently skipped. */
    void couldNotSend() {
        attempted.increment();
        notSent.increment();
    }

    void unanswered(long count) {
        unanswered.add(count);
    }

    void schedulingLag(long nanos) {
        maxSchedulingLagNanos.accumulate(nanos);
    }

    /** {@code latencyNanos} runs from the request's intended send time, not from when it actually left. */
    void record(Outcome outcome, long latencyNanos) {
        latencies.recordValue(Math.min(TimeUnit.HOURS.toMicros(1), Math.max(0, latencyNanos / 1_000)));
        if (outcome.accepted()) {
            accepted.increment();
        } else {
            refused.computeIfAbsent(outcome.label(), k -> new LongAdder()).increment();
        }
    }

    /** Latencies recorded since the previous call (for progress lines); they also join the total. */
    public synchronized Histogram interval() {
        Histogram interval = latencies.getIntervalHistogram();
        total.add(interval);
        return interval;
    }

    /** Every measured latency, in microseconds. */
    public synchronized Histogram latencies() {
        interval();
        return total.copy();
    }

    public long attempted() {
        return attempted.sum();
    }

    public long accepted() {
        return accepted.sum();
    }

    public long notSent() {
        return notSent.sum();
    }

    public long unanswered() {
        return unanswered.sum();
    }

    public long maxSchedulingLagNanos() {
        return maxSchedulingLagNanos.get();
    }

    /** Non-2xx answers and errors, by status and problem type. */
    public Map<String, Long> refused() {
        Map<String, Long> sorted = new TreeMap<>();
        refused.forEach((label, count) -> sorted.put(label, count.sum()));
        return sorted;
    }
}
