package dev.paddock.bench;

import java.time.Duration;

/**
 * When each request of an open-model run is meant to leave: a rate in requests per second, constant or
 * ramping linearly from {@code from} to {@code to} over the run (the last minutes before a race).
 * The times are computed, never derived from responses, so a slow server cannot slow the offered load.
 */
public record RateSchedule(double from, double to, Duration length) implements Schedule {

    public RateSchedule {
        if (from < 0 || to < 0 || from + to <= 0) {
            throw new IllegalArgumentException("Rates must be positive: " + from + " -> " + to);
        }
        if (length.isNegative() || length.isZero()) {
            throw new IllegalArgumentException("A run needs a positive length");
        }
    }

    public static RateSchedule constant(double rate, Duration length) {
        return new RateSchedule(rate, rate, length);
    }

    /**
     * Nanoseconds after the start at which request {@code n} (counting from 0) is due, or
     * {@link Long#MAX_VALUE} if the run has no such request. With rate(t) = from + a·t, requests sent by
     * time t are N(t) = from·t + a·t²/2; request n is due when N(t) = n.
     */
    @Override
    public long intendedOffsetNanos(long n) {
        double seconds = length.toNanos() / 1e9;
        double slope = (to - from) / seconds;
        double t;
        if (Math.abs(slope) < 1e-12) {
            t = n / from;
        } else {
            double discriminant = from * from + 2 * slope * n;
            if (discriminant < 0) {
                return Long.MAX_VALUE;
            }
            t = (Math.sqrt(discriminant) - from) / slope;
        }
        return t >= seconds ? Long.MAX_VALUE : Math.round(t * 1e9);
    }

    /** The rate due at {@code offsetNanos} after the start, for progress lines. */
    public double rateAt(long offsetNanos) {
        double fraction = Math.min(1, offsetNanos / (double) length.toNanos());
        return from + (to - from) * fraction;
    }
}
