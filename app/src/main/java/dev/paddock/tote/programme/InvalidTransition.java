package dev.paddock.tote.programme;

import dev.paddock.shared.ProblemException;
import dev.paddock.tote.RaceStatus;
import org.springframework.http.HttpStatus;

/** A race was asked to move to a status its current one does not lead to (see {@link RaceStatus}). */
public class InvalidTransition extends ProblemException {

    private final RaceStatus from;
    private final RaceStatus to;

    InvalidTransition(String race, RaceStatus from, RaceStatus to) {
        super(HttpStatus.CONFLICT, "invalid-transition",
                "Race " + race + " cannot go from " + from + " to " + to + ".");
        this.from = from;
        this.to = to;
    }

    public RaceStatus from() {
        return from;
    }

    public RaceStatus to() {
        return to;
    }
}
