package dev.paddock.bench.events;

import dev.paddock.bench.Schedule;
import java.time.Duration;

/**
 * A registration opening's arrivals: {@code attempts} requests within {@code window}, front-loaded. The rate
 * halves every {@code halfLife} from the opening second on (an exponential decay truncated at the window's end),
 * so with a 5 s half-life half of the attempts come in the first 5 s, three quarters in 10 s, and the first
 * second sees the peak rate. Cumulative share by time t: F(t) = (1 - 2^(-t/h)) / (1 - 2^(-W/h)); attempt n is
 * due when F(t) = n / attempts. Times are computed in advance, never from answers (open model).
 */
public record ArrivalCurve(long attempts, Duration window, Duration halfLife) implements Schedule {

    public ArrivalCurve {
        if (attempts <= 0) {
            throw new IllegalArgumentException("A rush needs at least one attempt");
        }
        if (window.isNegative() || window.isZero() || halfLife.isNegative() || halfLife.isZero()) {
            throw new IllegalArgumentException("The window and the half-life must be positive");
        }
    }

    @Override
    public long intendedOffsetNanos(long n) {
        if (n < 0 || n >= attempts) {
            return Long.MAX_VALUE;
        }
        double h = seconds(halfLife);
        double t = -h * log2(1 - (double) n / attempts * truncation());
        return Math.min(Math.round(t * 1e9), window.toNanos() - 1);
    }

    @Override
    public Duration length() {
        return window;
    }

    /** The share of all attempts due by {@code elapsed} after the opening, 0..1. */
    public double shareBy(Duration elapsed) {
        if (elapsed.compareTo(window) >= 0) {
            return 1;
        }
        return (1 - Math.pow(2, -seconds(elapsed) / seconds(halfLife))) / truncation();
    }

    /** Attempts per second due at {@code elapsed} after the opening (the derivative of the cumulative share). */
    public double rateAt(Duration elapsed) {
        double h = seconds(halfLife);
        return attempts * Math.log(2) / h * Math.pow(2, -seconds(elapsed) / h) / truncation();
    }

    /** The share of an untruncated decay that falls inside the window. */
    private double truncation() {
        return 1 - Math.pow(2, -seconds(window) / seconds(halfLife));
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
