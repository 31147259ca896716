package dev.paddock.parimutuel;

/**
 * The PMU bet types (online rules of 2020, see {@code shared/docs/tote-rules.md}). Rates, splits and
 * minimum stakes are configuration, not part of the type.
 */
public enum BetType {
    /** 1 runner, wins. */
    SIMPLE_GAGNANT(1, false, 1),
    /** 1 runner, placed (first 2 with 4-7 starters, first 3 with 8 or more). */
    SIMPLE_PLACE(1, false, 1),
    /** 2 runners, first and second in any order. */
    COUPLE_GAGNANT(2, false, 1),
    /** 2 runners, both in the first three. */
    COUPLE_PLACE(2, false, 1),
    /** 2 runners, first and second in this order. */
    COUPLE_ORDRE(2, true, 1),
    /** 2 runners, both in the first four. */
    DEUX_SUR_QUATRE(2, false, 1),
    /** 3 runners, the first three in any order. */
    TRIO(3, false, 1),
    /** 3 runners in order (pays in order, in any order, and with non-runners). */
    TIERCE(3, true, 1),
    /** 4 runners in order. */
    QUARTE_PLUS(4, true, 1),
    /** 5 runners in order. */
    QUINTE_PLUS(5, true, 1),
    /** 4 to 7 runners that include the first four (Multi en 4, 5, 6 or 7). */
    MULTI(4, false, 1),
    /** 5 runners, the first five in any order. */
    PICK5(5, false, 1),
    /** One or more runners in each of five races; each leg's pick must win its race. */
    BIG5(1, false, 5);

    private final int runners;
    private final boolean ordered;
    private final int legs;

    BetType(int runners, boolean ordered, int legs) {
        this.runners = runners;
        this.ordered = ordered;
        this.legs = legs;
    }

    /** Runners in one unit combination (per leg for Big 5; the minimum, 4, for Multi). */
    public int runners() {
        return runners;
    }

    /** Whether the order of the runners in a combination matters for the top rank. */
    public boolean ordered() {
        return ordered;
    }

    /** Races the bet spans: 1, or 5 for Big 5. */
    public int legs() {
        return legs;
    }

    public boolean multiRace() {
        return legs > 1;
    }
}
