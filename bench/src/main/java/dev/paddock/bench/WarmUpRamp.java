package dev.paddock.bench;

import java.time.Duration;

/**
 * A constant rate measured after a warm-up that climbs to it: during {@code warmUp} the rate rises linearly from
 * {@code fromShare} of {@code rate} to {@code rate}, then stays at {@code rate} until {@code length}. A cold server
 * JVM cannot answer the full rate while its JIT compiles; offered the full rate from the first second, it builds a
 * queue that spills into the measured part and is measured there as latency. The measured part offers exactly
 * {@code rate} per second either way; {@code fromShare} 1 is a constant rate from the start.
 */
public record WarmUpRamp(double rate, double fromShare, Duration warmUp, Duration length) implements Schedule {

    public WarmUpRamp {
        if (rate <= 0 || fromShare <= 0 || fromShare > 1) {
            throw new IllegalArgumentException("A positive rate, and a starting share in (0, 1]: " + rate + ", "
                    + fromShare);
        }
        if (warmUp.isNegative() || warmUp.compareTo(length) >= 0) {
            throw new IllegalArgumentException("The warm-up must be shorter than the run");
        }
    }

    @Override
    public long intendedOffsetNanos(long n) {
        long warmUpNanos = warmUp.toNanos();
        long ramped = rampRequests();
        double seconds;
        if (n < ramped) {
            long offset = new RateSchedule(rate * fromShare, rate, warmUp).intendedOffsetNanos(n);
            seconds = Math.min(offset, warmUpNanos - 1) / 1e9;
        } else {
            seconds = warmUpNanos / 1e9 + (n - ramped) / rate;
        }
        long offset = Math.round(seconds * 1e9);
        return offset >= length.toNanos() ? Long.MAX_VALUE : offset;
    }

    /** Requests due during the warm-up: its mean rate times its length, each due strictly before it ends. */
    long rampRequests() {
        if (warmUp.isZero()) {
            return 0;
        }
        return (long) Math.ceil(warmUp.toNanos() / 1e9 * rate * (1 + fromShare) / 2 - 1e-9);
    }
}
