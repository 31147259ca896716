package dev.paddock.bench.events;

import java.time.Duration;
import java.time.Instant;

/**
 * The readers' schedule as their generator starts it: measured from the opening to the end of the rush window,
 * whenever the generator actually starts. Started on time ({@code --reader-warm-up} before the opening), the
 * unmeasured part is that warm-up; started later (the machine busy with the warm-up registrations), it is what is
 * left of it, so the measured part still begins at the opening; started after the opening, nothing before the start
 * can be measured and the run is measured from the start to the end of the window.
 *
 * @param warmUp the unmeasured part, from the generator's start to the opening (zero if it is past)
 * @param length the whole schedule, from the start to the end of the rush window; zero if the window is over
 */
record ReadingWindow(Duration warmUp, Duration length) {

    static ReadingWindow of(Instant opensAt, Duration window, Instant startedAt) {
        Duration toOpening = Duration.between(startedAt, opensAt);
        Duration toEnd = Duration.between(startedAt, opensAt.plus(window));
        return new ReadingWindow(toOpening.isNegative() ? Duration.ZERO : toOpening,
                toEnd.isNegative() ? Duration.ZERO : toEnd);
    }

    /** Whether the readers start after the opening, so the rush's first moments go unmeasured. */
    boolean late() {
        return warmUp.isZero();
    }
}
