package dev.paddock.timing.board;

import dev.paddock.events.StartlistRace;
import dev.paddock.events.Starter;
import dev.paddock.passings.Passing;
import dev.paddock.passings.Splits;
import dev.paddock.passings.TimingPoint;
import dev.paddock.rankings.Entrant;
import dev.paddock.rankings.Ranking;
import dev.paddock.rankings.RankingSpec;
import dev.paddock.rankings.RankingSpec.Grouping;
import dev.paddock.rankings.Rankings;
import dev.paddock.rankings.Status;
import dev.paddock.rankings.TeamPlacing;
import dev.paddock.rankings.TeamRankings;
import dev.paddock.rankings.TeamSpec;
import dev.paddock.rankings.TiePolicy;
import dev.paddock.timing.course.RaceTiming;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a race's start list, counted passings and statuses into a {@link Snapshot}. Pure: the
 * {@link Boards} component feeds it and keeps its result.
 */
final class RaceBoard {

    private RaceBoard() {
    }

    static Snapshot compute(StartlistRace race, RaceTiming timing, List<Starter> starters,
            Map<Integer, List<Passing>> counted, Map<Integer, Status> statuses, long version, Instant now, long behind) {
        return compute(race, timing, starters, counted, statuses, version, now, behind, null, Set.of());
    }

    /**
     * The same, from a previous snapshot of the same start list and setup whose inputs differ only for the
     * {@code changed} bibs: the other entrants are taken as they were and each ranking is updated with the changes
     * ({@link Rankings#update}) instead of ranked again. A null previous snapshot computes everything.
     */
    static Snapshot compute(StartlistRace race, RaceTiming timing, List<Starter> starters,
            Map<Integer, List<Passing>> counted, Map<Integer, Status> statuses, long version, Instant now, long behind,
            Snapshot previous, Set<Integer> changed) {
        Map<Integer, Entrant> entrants = new LinkedHashMap<>();
        Map<Integer, Starter> byBib = new LinkedHashMap<>();
        Map<String, Integer> bibs = new HashMap<>();
        for (Starter starter : starters) {
            byBib.put(starter.bib(), starter);
            bibs.put(starter.registrationId().toString(), starter.bib());
            Entrant kept = previous == null || changed.contains(starter.bib()) ? null
                    : previous.entrants().get(starter.bib());
            entrants.put(starter.bib(), kept != null ? kept : entrant(timing, starter,
                    counted.getOrDefault(starter.bib(), List.of()), statuses.get(starter.bib())));
        }
        List<Entrant> all = List.copyOf(entrants.values());
        Ranker ranker = Ranker.of(all, entrants, previous, changed);
        Map<String, Ranking> rankings = new HashMap<>();
        rankings.put(Snapshot.OVERALL, ranker.rank(Snapshot.OVERALL, spec(Snapshot.OVERALL, Grouping.OVERALL, timing, Entrant.FINISH)));
        rankings.put(Snapshot.GENDER, ranker.rank(Snapshot.GENDER, spec(Snapshot.GENDER, Grouping.GENDER, timing, Entrant.FINISH)));
        rankings.put(Snapshot.CATEGORY, ranker.rank(Snapshot.CATEGORY, spec(Snapshot.CATEGORY, Grouping.CATEGORY, timing, Entrant.FINISH)));
        List<String> splitPoints = timing.points().stream().filter(p -> p.kind() == TimingPoint.Kind.SPLIT)
                .map(TimingPoint::code).toList();
        for (String point : splitPoints) {
            rankings.put(Snapshot.at(point, Snapshot.OVERALL), ranker.rank(Snapshot.at(point, Snapshot.OVERALL), spec(point, Grouping.OVERALL, timing, point)));
            rankings.put(Snapshot.at(point, Snapshot.GENDER), ranker.rank(Snapshot.at(point, Snapshot.GENDER), spec(point, Grouping.GENDER, timing, point)));
            rankings.put(Snapshot.at(point, Snapshot.CATEGORY), ranker.rank(Snapshot.at(point, Snapshot.CATEGORY), spec(point, Grouping.CATEGORY, timing, point)));
        }
        return new Snapshot(race, timing, version, now, Map.copyOf(rankings), entrants, byBib, bibs, splitPoints,
                teams(timing, starters, all), behind);
    }

    private static List<TeamPlacing> teams(RaceTiming timing, List<Starter> starters, List<Entrant> all) {
        if (timing.teams() == null) {
            return List.of();
        }
        Map<String, Integer> sizes = new HashMap<>();
        starters.stream().filter(s -> s.teamId() != null).forEach(s -> sizes.merge(s.teamId().toString(), 1, Integer::sum));
        TeamSpec spec = new TeamSpec("teams", timing.teams().scoring(),
                timing.teams().counting() == null ? 0 : timing.teams().counting(), timing.officialClock(), TiePolicy.SHARED);
        return TeamRankings.rank(spec, all, sizes);
    }

    private static RankingSpec spec(String code, Grouping grouping, RaceTiming timing, String point) {
        return new RankingSpec(code, RankingSpec.Filter.EVERYONE, grouping, null, timing.officialClock(), point,
                timing.lapRace(), TiePolicy.SHARED, 0, List.of());
    }

    static Entrant entrant(RaceTiming timing, Starter starter, List<Passing> counted, Status override) {
        Instant start = timing.startOf(starter.bib());
        Splits splits = start == null ? new Splits(Map.of(), Map.of(), 0)
                : Splits.of(timing.course(), start.toEpochMilli(), counted);
        Long finish = splits.gun().get(Splits.FINISH);
        Status status;
        if (override != null) {
            status = override;
        } else if (finish == null) {
            status = Status.RUNNING;
        } else if (timing.timeLimit() != null && finish > timing.timeLimit()) {
            status = Status.OVER_TIME_LIMIT;
        } else {
            status = Status.FINISHED;
        }
        Map<String, String> fields = new HashMap<>(starter.publicFields());
        fields.put("nationality", starter.nationality());
        return new Entrant(starter.registrationId().toString(), String.valueOf(starter.bib()), starter.gender(),
                starter.category(), starter.teamId() == null ? null : starter.teamId().toString(), fields, status,
                splits.laps(), 0, splits.gun(), splits.net());
    }
}
