package dev.paddock.rankings;

/**
 * How a team ranking scores teams.
 *
 * @param scoring BEST_OF: the sum of the {@code counting} best members' times (cross-country, club
 *                challenges; a team with fewer finishers is not ranked); ALL_TOGETHER: every member must
 *                finish and the team's time is its last member's (Patrouille des Glaciers patrols finish
 *                together); LEGS: a relay, each member runs one leg and the team's time is the sum of the
 *                legs, all of which must be finished
 * @param counting how many members count for BEST_OF (ignored otherwise)
 */
public record TeamSpec(String code, Scoring scoring, int counting, Clock clock, TiePolicy ties) {

    public enum Scoring {
        BEST_OF, ALL_TOGETHER, LEGS
    }

    public TeamSpec {
        if (code == null || scoring == null || clock == null || ties == null) {
            throw new IllegalArgumentException("A team ranking has a code, a scoring, a clock and a tie policy");
        }
        if (scoring == Scoring.BEST_OF && counting < 1) {
            throw new IllegalArgumentException("BEST_OF counts at least one member");
        }
    }
}
