package dev.paddock.tote;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The life of a race, with every allowed transition in this one place:
 * <pre>
 * SCHEDULED -> OPEN -> CLOSED -> RESULT_PROVISIONAL -> RESULT_OFFICIAL -> SETTLED
 * RESULT_OFFICIAL -> RESULT_PROVISIONAL
 * SCHEDULED, OPEN, CLOSED, RESULT_PROVISIONAL -> CANCELLED
 * </pre>
 * As at the PMU, a race never re-opens after its stop signal: a false start or a delay is handled by
 * moving the start time <em>before</em> the close, or by cancelling the race. An official result may still be
 * corrected until its race is settled: the correction sends the race back to RESULT_PROVISIONAL and an operator
 * confirms it official again. A settled or cancelled race is over.
 */
public enum RaceStatus {
    SCHEDULED, OPEN, CLOSED, RESULT_PROVISIONAL, RESULT_OFFICIAL, SETTLED, CANCELLED;

    private static final Map<RaceStatus, EnumSet<RaceStatus>> NEXT = Map.of(
            SCHEDULED, EnumSet.of(OPEN, CANCELLED),
            OPEN, EnumSet.of(CLOSED, CANCELLED),
            CLOSED, EnumSet.of(RESULT_PROVISIONAL, CANCELLED),
            RESULT_PROVISIONAL, EnumSet.of(RESULT_OFFICIAL, CANCELLED),
            RESULT_OFFICIAL, EnumSet.of(SETTLED, RESULT_PROVISIONAL),
            SETTLED, EnumSet.noneOf(RaceStatus.class),
            CANCELLED, EnumSet.noneOf(RaceStatus.class));

    public boolean canBecome(RaceStatus next) {
        return NEXT.get(this).contains(next);
    }

    /** The states this one may move to. */
    public Set<RaceStatus> next() {
        return EnumSet.copyOf(NEXT.get(this));
    }

    /** Whether the programme may still be edited (runners, bet types, pools): only before opening. */
    public boolean editable() {
        return this == SCHEDULED;
    }

    /** Whether the race has an arrival to show, provisional or official. */
    public boolean hasResult() {
        return this == RESULT_PROVISIONAL || this == RESULT_OFFICIAL || this == SETTLED;
    }

    /** Whether the start time may still be moved: until the stop signal. */
    public boolean movable() {
        return this == SCHEDULED || this == OPEN;
    }
}
