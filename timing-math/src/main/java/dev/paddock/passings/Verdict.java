package dev.paddock.passings;

/** What the timing does with a passing. */
public sealed interface Verdict {

    Passing passing();

    /** A new crossing: it counts. */
    record Accepted(Passing passing) implements Verdict {
    }

    /** An earlier read of a crossing already counted (often the other line's): it counts instead. */
    record Replaces(Passing passing, Passing replaced) implements Verdict {
    }

    /** A later read of a crossing already counted: merged into it, kept for the record. */
    record Duplicate(Passing passing, Passing of) implements Verdict {
    }

    /** Not believable: kept for the timing operator's review with the reason. */
    record Rejected(Passing passing, Reason reason, String detail) implements Verdict {
    }

    enum Reason {
        UNKNOWN_POINT, BEFORE_START, IMPLAUSIBLE
    }
}
