package dev.paddock.rankings;

/**
 * An entrant's place in one group of a ranking.
 *
 * @param group  the group's name: "" for OVERALL, else the gender, category or field value
 * @param tied   whether another entrant of the group has exactly the same laps and time (shown "12=" under
 *               the SHARED policy)
 * @param time   the ranked time in milliseconds
 * @param behind milliseconds behind the group's leader (among entrants with as many laps)
 */
public record Placing(String entrantId, String group, int place, boolean tied, int laps, long time, long behind) {
}
