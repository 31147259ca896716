package dev.paddock.timing.board;

import dev.paddock.events.StartlistRace;
import dev.paddock.events.Starter;
import dev.paddock.rankings.Entrant;
import dev.paddock.rankings.Ranking;
import dev.paddock.rankings.TeamPlacing;
import dev.paddock.timing.course.RaceRanking;
import dev.paddock.timing.course.RaceTiming;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A race's results at one moment, immutable: what every results request reads. A new one replaces it after
 * each change; {@code version} grows with each, so it names the snapshot in ETags.
 *
 * @param rankings  by code: the race's configured rankings or, by default, "overall", "gender", "category" at
 *                  the finish, and "{point}/overall", "{point}/gender", "{point}/category" at each split
 * @param entrants  by bib: status and times
 * @param starters  by bib: who they are
 * @param bibs      by entrant id (the registration), the bib
 * @param teams     the team ranking, empty when the race ranks no teams
 * @param behind    how long the oldest change it includes waited for it, in milliseconds
 * @param finishers how many entrants have finished (within the time limit, with no status against them)
 * @param search    the start list searched by bib or name
 * @param listed    the race's rankings in the order it lists them, each computed in {@link #rankings()}: the
 *                  configured ones or the default set, worked out once per snapshot rather than per view
 * @param athletes  since which version each athlete's results are the same
 */
public record Snapshot(StartlistRace race, RaceTiming timing, long version, Instant computedAt,
        Map<String, Ranking> rankings, Map<Integer, Entrant> entrants, Map<Integer, Starter> starters,
        Map<String, Integer> bibs, List<String> splitPoints, List<TeamPlacing> teams, long behind, int finishers,
        StarterSearch search, List<RaceRanking> listed, AthleteVersions athletes) {

    public Snapshot {
        rankings = Map.copyOf(rankings);
        entrants = java.util.Collections.unmodifiableMap(entrants);
        starters = java.util.Collections.unmodifiableMap(starters);
        bibs = java.util.Collections.unmodifiableMap(bibs);
        splitPoints = List.copyOf(splitPoints);
        teams = List.copyOf(teams);
        listed = List.copyOf(listed);
    }

    public static final String OVERALL = RaceRanking.OVERALL;
    public static final String GENDER = RaceRanking.GENDER;
    public static final String CATEGORY = RaceRanking.CATEGORY;
    public static final List<String> GROUPINGS = List.of(OVERALL, GENDER, CATEGORY);

    public static String at(String point, String grouping) {
        return point + "/" + grouping;
    }
}
