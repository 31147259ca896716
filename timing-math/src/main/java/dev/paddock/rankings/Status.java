package dev.paddock.rankings;

/** Where an entrant stands. Only FINISHED entrants are ranked at the finish. */
public enum Status {
    /** Registered, no passing yet: still racing or not started. */
    RUNNING,
    FINISHED,
    /** Did not start. */
    DNS,
    /** Did not finish: started, and will not finish; keeps the places of the splits they passed. */
    DNF,
    /** Disqualified: no place anywhere. */
    DSQ,
    /** Finished after the time limit. */
    OVER_TIME_LIMIT,
    /** Finished, but not classified (e.g. ran outside the rules without a disqualification). */
    NOT_CLASSIFIED;

    /** Whether the entrant may appear in a ranking at an intermediate point. */
    boolean rankedAtSplits() {
        return this != DNS && this != DSQ;
    }
}
