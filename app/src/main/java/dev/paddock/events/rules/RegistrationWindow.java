package dev.paddock.events.rules;

import java.time.Instant;

/**
 * Whether a race takes registrations at a moment, from its stored {@code registration} column and window.
 * No job flips the column at the opening second: a SCHEDULED race is open exactly while
 * {@code opensAt <= now < closesAt}, so the first request of an opening rush is never refused because a
 * timer was late. OPEN is an organizer's early opening (still closing at {@code closesAt}); CLOSED is closed
 * whatever the window says.
 */
public final class RegistrationWindow {

    public enum Stored {
        SCHEDULED, OPEN, CLOSED
    }

    /** What athletes see: not yet open, open, or closed for good. */
    public enum State {
        NOT_YET_OPEN, OPEN, CLOSED
    }

    private RegistrationWindow() {
    }

    public static State at(Instant now, Stored stored, Instant opensAt, Instant closesAt) {
        if (stored == Stored.CLOSED || !now.isBefore(closesAt)) {
            return State.CLOSED;
        }
        if (stored == Stored.OPEN || !now.isBefore(opensAt)) {
            return State.OPEN;
        }
        return State.NOT_YET_OPEN;
    }
}
