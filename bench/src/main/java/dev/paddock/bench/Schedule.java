package dev.paddock.bench;

import java.time.Duration;

/**
 * When each request of an open-model run is meant to leave, computed in advance and never from answers:
 * a constant or ramping rate ({@link RateSchedule}), or a curve such as a registration opening's rush.
 */
public interface Schedule {

    /** Nanoseconds after the start at which request {@code n} (from 0) is due, or {@link Long#MAX_VALUE} if none. */
    long intendedOffsetNanos(long n);

    /** How long the run lasts, warm-up included. */
    Duration length();
}
