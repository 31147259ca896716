package dev.paddock.timing.board;

import dev.paddock.events.StartlistRace;
import dev.paddock.events.Starter;
import dev.paddock.passings.Course;
import dev.paddock.passings.Passing;
import dev.paddock.passings.Segment;
import dev.paddock.passings.Segments;
import dev.paddock.passings.Splits;
import dev.paddock.passings.TimingPoint;
import dev.paddock.rankings.Entrant;
import dev.paddock.rankings.Ranking;
import dev.paddock.rankings.RankingSpec;
import dev.paddock.rankings.Rankings;
import dev.paddock.rankings.Relays;
import dev.paddock.rankings.Status;
import dev.paddock.rankings.TeamPlacing;
import dev.paddock.rankings.TeamRankings;
import dev.paddock.rankings.TeamSpec;
import dev.paddock.rankings.TiePolicy;
import dev.paddock.timing.course.RaceRanking;
import dev.paddock.timing.course.RaceTiming;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

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
     * ({@link Rankings#update}) instead of ranked again. A null previous snapshot computes everything. While the
     * start list is the same list, its maps by bib and by id are the previous snapshot's, the finishers are counted
     * from the previous count and the changed entrants, and the entrants are listed only when a team ranking or a
     * ranking computed anew needs them: a tick copies one 14,000-entry map (the entrants by bib), not four.
     */
    static Snapshot compute(StartlistRace race, RaceTiming timing, List<Starter> starters,
            Map<Integer, List<Passing>> counted, Map<Integer, Status> statuses, long version, Instant now, long behind,
            Snapshot previous, Set<Integer> changed) {
        StarterSearch search = StarterSearch.of(starters, previous == null ? null : previous.search());
        if (previous == null || search != previous.search()) {
            return computeWhole(race, timing, starters, counted, statuses, version, now, behind, previous, changed, search);
        }
        Course course = timing.course();
        Map<Integer, Entrant> entrants = new LinkedHashMap<>(previous.entrants());
        int finishers = previous.finishers();
        for (Integer bib : changed) {
            Starter starter = previous.starters().get(bib);
            if (starter == null) {
                continue;
            }
            Entrant before = entrants.get(bib);
            Entrant after = entrant(timing, course, starter, counted.getOrDefault(bib, List.of()), statuses.get(bib));
            entrants.put(bib, after);
            finishers += (after.status() == Status.FINISHED ? 1 : 0) - (before.status() == Status.FINISHED ? 1 : 0);
        }
        Map<String, Integer> bibs = previous.bibs();
        List<Entrant> all = timing.teams() == null ? null : List.copyOf(entrants.values());
        Ranker ranker = Ranker.of(all, entrants, new EntrantsById(bibs, entrants), previous, changed);
        return snapshot(race, timing, version, now, ranker, entrants, previous.starters(), bibs,
                all == null ? List.of() : teams(timing, starters, all), behind, finishers, search, previous, changed);
    }

    /** The athletes whose entrant changed, or whose placing any ranking placed again. */
    private static Set<Integer> changedAthletes(Snapshot previous, Map<String, Ranking> rankings,
            Map<String, Integer> bibs, Set<Integer> changed) {
        Set<Integer> athletes = new HashSet<>(changed);
        rankings.forEach((key, ranking) -> {
            Ranking before = previous.rankings().get(key);
            if (before == null) {
                athletes.addAll(bibs.values());
            } else {
                ranking.changedSince(before, id -> {
                    Integer bib = bibs.get(id);
                    if (bib != null) {
                        athletes.add(bib);
                    }
                });
            }
        });
        return athletes;
    }

    private static Snapshot computeWhole(StartlistRace race, RaceTiming timing, List<Starter> starters,
            Map<Integer, List<Passing>> counted, Map<Integer, Status> statuses, long version, Instant now, long behind,
            Snapshot previous, Set<Integer> changed, StarterSearch search) {
        Map<Integer, Entrant> entrants = new LinkedHashMap<>();
        Map<Integer, Starter> byBib = new LinkedHashMap<>();
        Map<String, Integer> bibs = new HashMap<>();
        Course course = timing.course();
        for (Starter starter : starters) {
            byBib.put(starter.bib(), starter);
            bibs.put(starter.registrationId().toString(), starter.bib());
            Entrant kept = previous == null || changed.contains(starter.bib()) ? null
                    : previous.entrants().get(starter.bib());
            entrants.put(starter.bib(), kept != null ? kept : entrant(timing, course, starter,
                    counted.getOrDefault(starter.bib(), List.of()), statuses.get(starter.bib())));
        }
        List<Entrant> all = List.copyOf(entrants.values());
        Ranker ranker = Ranker.of(all, entrants, new EntrantsById(bibs, entrants), previous, changed);
        int finishers = (int) all.stream().filter(e -> e.status() == Status.FINISHED).count();
        return snapshot(race, timing, version, now, ranker, entrants, byBib, bibs, teams(timing, starters, all), behind,
                finishers, search, null, Set.of());
    }

    private static Snapshot snapshot(StartlistRace race, RaceTiming timing, long version, Instant now, Ranker ranker,
            Map<Integer, Entrant> entrants, Map<Integer, Starter> byBib, Map<String, Integer> bibs,
            List<TeamPlacing> teams, long behind, int finishers, StarterSearch search, Snapshot since,
            Set<Integer> changed) {
        Map<String, Ranking> rankings = new HashMap<>();
        List<RaceRanking> listed = timing.rankingsOrDefault();
        for (RaceRanking ranking : listed) {
            rankings.put(ranking.code(), ranker.rank(ranking.code(), ranking.spec(timing)));
        }
        // Each segment's places, for athletes' pages; listed only when the race configures a ranking on it.
        for (Segment segment : timing.segments()) {
            String key = RaceRanking.segmentKey(segment.code());
            rankings.put(key, ranker.rank(key, new RankingSpec(key, RankingSpec.Filter.EVERYONE, RankingSpec.Grouping.OVERALL,
                    null, timing.officialClock(), key, false, TiePolicy.SHARED, 0, List.of())));
        }
        List<String> splitPoints = timing.points().stream().filter(p -> p.kind() == TimingPoint.Kind.SPLIT)
                .map(TimingPoint::code).toList();
        // a snapshot computed whole changes everyone; an updated one, whoever it changed or placed again
        AthleteVersions athletes = since == null ? AthleteVersions.all(byBib.keySet(), version)
                : since.athletes().with(version, changedAthletes(since, rankings, bibs, changed));
        return new Snapshot(race, timing, version, now, Map.copyOf(rankings), entrants, byBib, bibs, splitPoints,
                teams, behind, finishers, search, listed, athletes);
    }

    private static List<TeamPlacing> teams(RaceTiming timing, List<Starter> starters, List<Entrant> all) {
        if (timing.teams() == null) {
            return List.of();
        }
        TeamSpec spec = new TeamSpec("teams", timing.teams().scoring(),
                timing.teams().counting() == null ? 0 : timing.teams().counting(), timing.officialClock(), TiePolicy.SHARED);
        if (spec.scoring() == TeamSpec.Scoring.LEGS && !timing.handovers().isEmpty()) {
            return Relays.rank(spec, relayTeams(all), legEnds(timing));
        }
        Map<String, Integer> sizes = new HashMap<>();
        starters.stream().filter(s -> s.teamId() != null).forEach(s -> sizes.merge(s.teamId().toString(), 1, Integer::sum));
        return TeamRankings.rank(spec, all, sizes);
    }

    /**
     * Each relay team's members in leg order. The start list carries no leg order, so a team's members run in bib
     * order: teams get a block of consecutive bibs, the first bib runs the first leg.
     */
    static Map<String, List<Entrant>> relayTeams(List<Entrant> all) {
        Map<String, List<Entrant>> teams = new TreeMap<>();
        all.stream().filter(e -> e.teamId() != null)
                .sorted(Comparator.comparingInt((Entrant e) -> Integer.parseInt(e.bib())))
                .forEach(e -> teams.computeIfAbsent(e.teamId(), t -> new ArrayList<>()).add(e));
        return teams;
    }

    /** Where each leg ends: the handover points in leg order, then the finish. */
    private static List<String> legEnds(RaceTiming timing) {
        List<String> ends = new ArrayList<>(timing.handovers());
        ends.add(Entrant.FINISH);
        return ends;
    }

    static Entrant entrant(RaceTiming timing, Course course, Starter starter, List<Passing> counted, Status override) {
        Instant start = timing.startOf(starter.bib());
        Splits splits = start == null ? new Splits(Map.of(), Map.of(), 0)
                : Splits.of(course, start.toEpochMilli(), counted);
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
                splits.laps(), 0, withSegments(timing, course, splits.gun()), withSegments(timing, course, splits.net()));
    }

    /** The times at each point and, under their segment keys, each known segment's time on the same clock. */
    private static Map<String, Long> withSegments(RaceTiming timing, Course course, Map<String, Long> times) {
        if (timing.segments().isEmpty()) {
            return times;
        }
        Map<String, Long> all = new HashMap<>(times);
        Segments.times(course, timing.segments(), times)
                .forEach((code, millis) -> all.put(RaceRanking.segmentKey(code), millis));
        return all;
    }
}
