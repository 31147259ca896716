package dev.paddock.bench;

import java.time.Duration;

/**
 * {@code count} requests in bursts of {@code perBurst}, the bursts evenly spaced over {@code length}, each burst's
 * requests due at {@code burstRate} a second from its start: the same mean rate as {@code count} requests paced
 * evenly, but arriving as an opening's do, many at once. A burst of one is the even pace. Times are computed in
 * advance, never from answers (open model).
 */
public record Bursts(long count, int perBurst, double burstRate, Duration length) implements Schedule {

    public Bursts {
        if (count <= 0 || perBurst <= 0 || burstRate <= 0) {
            throw new IllegalArgumentException("Bursts need requests, a positive size and a positive rate");
        }
        if (length.isNegative() || length.isZero()) {
            throw new IllegalArgumentException("Bursts need a positive length");
        }
        if ((perBurst - 1) / burstRate * 1e9 >= period(count, perBurst, length)) {
            throw new IllegalArgumentException("A burst of " + perBurst + " at " + burstRate
                    + "/s does not end before the next one starts");
        }
    }

    @Override
    public long intendedOffsetNanos(long n) {
        if (n < 0 || n >= count) {
            return Long.MAX_VALUE;
        }
        long burst = n / perBurst;
        return Math.round(burst * period(count, perBurst, length) + n % perBurst / burstRate * 1e9);
    }

    /** Nanoseconds from one burst's start to the next's. */
    private static double period(long count, int perBurst, Duration length) {
        long bursts = (count + perBurst - 1) / perBurst;
        return length.toNanos() / (double) bursts;
    }
}
