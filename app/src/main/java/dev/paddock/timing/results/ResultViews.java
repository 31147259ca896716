package dev.paddock.timing.results;

import dev.paddock.events.Starter;
import dev.paddock.passings.Segment;
import dev.paddock.passings.TimingPoint;
import dev.paddock.rankings.Clock;
import dev.paddock.rankings.Entrant;
import dev.paddock.rankings.Placing;
import dev.paddock.rankings.RaceTime;
import dev.paddock.rankings.Ranking;
import dev.paddock.rankings.RankingSpec;
import dev.paddock.rankings.RankingSpec.Grouping;
import dev.paddock.timing.board.Snapshot;
import dev.paddock.timing.board.StarterSearch;
import dev.paddock.timing.course.RaceRanking;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The public shapes of results, built from a snapshot. Pure. The records are public (the class is not) so that the
 * results templates' SpEL, compiled to bytecode ({@code spring.thymeleaf.enable-spring-el-compiler}), can call their
 * accessors directly instead of by reflection.
 */
final class ResultViews {

    static final int MAX_PAGE = 200;

    private ResultViews() {
    }

    /**
     * @param rankings the codes of the race's rankings, as {@code /rankings/{code}} serves them
     * @param index    the same rankings described: name, grouping, where they rank
     */
    public record RaceResults(UUID raceId, String eventName, String raceName, int distanceMetres, Instant startsAt,
            Clock officialClock, long version, Instant computedAt, long behindMillis, int starters, int finishers,
            List<String> rankings, List<String> splitPoints, List<RankingEntry> index) {

        /** The same without what changes with every snapshot: equal for two snapshots that show the same. */
        RaceResults unversioned() {
            return new RaceResults(raceId, eventName, raceName, distanceMetres, startsAt, officialClock, 0, null, 0,
                    starters, finishers, rankings, splitPoints, index);
        }
    }

    /** @param name null for the default rankings, whose names pages translate */
    public record RankingEntry(String code, String name, Grouping grouping, String groupField, String point, String segment,
            Clock clock) {
    }

    public record Row(int place, boolean tied, int bib, String name, String gender, String category, String nationality,
            Map<String, String> fields, String team, String time, long timeMillis, String behind, int laps) {
    }

    public record RankingPage(String ranking, String group, List<String> groups, long version, int total, int page, int size,
            List<Row> rows) {

        RankingPage unversioned() {
            return new RankingPage(ranking, group, groups, 0, total, page, size, rows);
        }
    }

    /** @param legs a relay timed at handover mats: each leg in order; else empty */
    public record TeamRow(int place, boolean tied, String team, String time, List<String> members, List<LegRow> legs) {
    }

    /** A relay leg: its runner, time ("" while unknown) and place among every team's same leg. */
    public record LegRow(int leg, String athlete, String time, Integer place, boolean tied) {
    }

    /** The team ranking, or null if the race ranks no teams. */
    static List<TeamRow> teams(Snapshot s) {
        if (s.timing().teams() == null) {
            return null;
        }
        Map<String, String> names = new java.util.HashMap<>();
        Map<String, String> athletes = new java.util.HashMap<>();
        s.starters().values().forEach(st -> {
            if (st.teamId() != null) {
                names.put(st.teamId().toString(), st.teamName());
            }
            athletes.put(st.registrationId().toString(), name(st));
        });
        return s.teams().stream().map(t -> new TeamRow(t.place(), t.tied(), names.get(t.teamId()), time(s, t.time()),
                t.counted().stream().map(athletes::get).toList(), t.legs().stream().map(l -> new LegRow(l.leg(),
                        athletes.get(l.entrantId()), time(s, l.time()), l.place(), l.tied())).toList())).toList();
    }

    public record Places(Integer overall, Integer gender, Integer category, String categoryName) {
    }

    public record Split(String point, int distanceMetres, String gun, String net, String pace, Places places) {
    }

    /** The athlete's place in one of the race's rankings. */
    public record RankingPlace(String ranking, String name, String group, int place, boolean tied) {
    }

    /** A multi-sport segment's time on the official clock ("" while unknown) and the athlete's place over it. */
    public record SegmentTime(String segment, Segment.Kind kind, String from, String to, String time, Integer place,
            boolean tied) {
    }

    /**
     * @param rankings their place in each ranking of the race that holds them, in the race's order
     * @param segments every segment of a multi-sport race, in course order
     */
    public record Athlete(int bib, String name, String gender, String category, String nationality, Map<String, String> fields,
            String team, String status, String gun, String net, String official, String pace, Places places,
            List<Split> splits, long version, List<RankingPlace> rankings, List<SegmentTime> segments) {

        Athlete unversioned() {
            return new Athlete(bib, name, gender, category, nationality, fields, team, status, gun, net, official, pace,
                    places, splits, 0, rankings, segments);
        }
    }

    static RaceResults race(Snapshot s) {
        int finishers = s.finishers();
        List<RankingEntry> index = new ArrayList<>();
        for (RaceRanking r : listed(s)) {
            index.add(new RankingEntry(r.code(), r.name(), r.grouping(), r.groupField(), r.point(), r.segment(),
                    r.clock() == null ? s.timing().officialClock() : r.clock()));
        }
        List<String> rankings = new ArrayList<>(index.stream().map(RankingEntry::code).toList());
        if (s.timing().teams() != null) {
            rankings.add("teams");
        }
        return new RaceResults(s.race().raceId(), s.race().eventName(), s.race().raceName(), s.race().distanceMetres(),
                s.race().startsAt(), s.timing().officialClock(), s.version(), s.computedAt(), s.behind(),
                s.starters().size(), finishers, rankings, s.splitPoints(), index);
    }

    /** The rankings a race lists: all its configured ones; of the default set, those at the finish. */
    static List<RaceRanking> listed(Snapshot s) {
        return s.listed().stream().filter(r -> !r.code().contains("/")).toList();
    }

    /** One page of a group of a ranking; the first group when none is named. */
    static RankingPage page(Snapshot s, String code, String group, int page, int size) {
        PageSlice slice = slice(s, code, group, page, size);
        return slice == null ? null : page(s, slice);
    }

    /**
     * Which placings a page of a ranking shows, before they are made rows: a later snapshot whose page holds the very
     * same placings (of the same start list) shows the same rows.
     */
    record PageSlice(String ranking, String group, List<String> groups, int total, int page, int size,
            List<Placing> placings) {

        /** Whether the page shows the same apart from its rows. */
        boolean sameHeading(PageSlice other) {
            return ranking.equals(other.ranking) && group.equals(other.group) && groups.equals(other.groups)
                    && total == other.total && page == other.page && size == other.size;
        }

        /** Whether the page holds the same placing objects, in the same order. */
        boolean samePlacings(PageSlice other) {
            if (placings.size() != other.placings.size()) {
                return false;
            }
            for (int i = 0; i < placings.size(); i++) {
                if (placings.get(i) != other.placings.get(i)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** The slice of one page of a group of a ranking, the first group when none is named; null for no such ranking. */
    static PageSlice slice(Snapshot s, String code, String group, int page, int size) {
        Ranking ranking = s.rankings().get(code);
        if (ranking == null) {
            return null;
        }
        List<String> groups = List.copyOf(ranking.groups().keySet());
        String chosen = group != null ? group : groups.isEmpty() ? "" : groups.getFirst();
        List<Placing> placings = ranking.group(chosen);
        int size0 = Math.clamp(size, 1, MAX_PAGE);
        int from = Math.min(Math.max(page, 0) * size0, placings.size());
        int to = Math.min(from + size0, placings.size());
        return new PageSlice(code, chosen, groups, placings.size(), Math.max(page, 0), size0,
                List.copyOf(placings.subList(from, to)));
    }

    static RankingPage page(Snapshot s, PageSlice slice) {
        List<Row> rows = new ArrayList<>(slice.placings().size());
        for (Placing placing : slice.placings()) {
            rows.add(row(s, placing));
        }
        return new RankingPage(slice.ranking(), slice.group(), slice.groups(), s.version(), slice.total(), slice.page(),
                slice.size(), rows);
    }

    private static Row row(Snapshot s, Placing placing) {
        int bib = bibOf(s, placing.entrantId());
        Starter starter = s.starters().get(bib);
        return new Row(placing.place(), placing.tied(), bib, name(starter), starter.gender(), starter.category(),
                starter.nationality(), starter.publicFields(), starter.teamName(), time(s, placing.time()),
                placing.time(), placing.behind() == 0 ? "" : "+" + time(s, placing.behind()), placing.laps());
    }

    /** Bib, or a name's words in any order, case and accents ignored; at most {@code limit} rows. */
    static List<Row> search(Snapshot s, String query, int limit) {
        List<Starter> found = s.search().find(query, limit);
        if (found.isEmpty()) {
            return List.of();
        }
        Ranking overall = main(s, Entrant.FINISH, Grouping.OVERALL);
        List<Row> rows = new ArrayList<>(found.size());
        for (Starter starter : found) {
            Placing placing = overall == null ? null : overall.of(starter.registrationId().toString()).orElse(null);
            rows.add(placing != null ? row(s, placing) : new Row(0, false, starter.bib(), name(starter),
                    starter.gender(), starter.category(), starter.nationality(), starter.publicFields(),
                    starter.teamName(), "", 0, "", 0));
        }
        return rows;
    }

    static Athlete athlete(Snapshot s, int bib) {
        Starter starter = s.starters().get(bib);
        if (starter == null) {
            return null;
        }
        Entrant entrant = s.entrants().get(bib);
        String id = starter.registrationId().toString();
        Long gun = entrant.time(Clock.GUN, Entrant.FINISH);
        Long net = entrant.time(Clock.NET, Entrant.FINISH);
        Long official = entrant.time(s.timing().officialClock(), Entrant.FINISH);
        List<Split> splits = new ArrayList<>();
        for (TimingPoint point : s.timing().points()) {
            if (point.kind() == TimingPoint.Kind.SPLIT) {
                Long splitGun = entrant.time(Clock.GUN, point.code());
                Long splitNet = entrant.time(Clock.NET, point.code());
                if (splitGun != null) {
                    splits.add(new Split(point.code(), point.distanceMetres(), time(s, splitGun), time(s, splitNet),
                            RaceTime.pacePerKm(splitNet, point.distanceMetres()), places(s, id, point.code())));
                }
            }
        }
        return new Athlete(bib, name(starter), starter.gender(), starter.category(), starter.nationality(),
                starter.publicFields(), starter.teamName(), entrant.status().name(), time(s, gun), time(s, net),
                time(s, official), official == null ? "" : RaceTime.pacePerKm(official, s.race().distanceMetres()),
                places(s, id, Entrant.FINISH), splits, s.version(), rankingPlaces(s, id), segments(s, entrant, id));
    }

    private static List<SegmentTime> segments(Snapshot s, Entrant entrant, String id) {
        List<SegmentTime> times = new ArrayList<>();
        for (Segment segment : s.timing().segments()) {
            String key = RaceRanking.segmentKey(segment.code());
            Placing placing = placing(s.rankings().get(key), id);
            times.add(new SegmentTime(segment.code(), segment.kind(), segment.from(), segment.to(),
                    time(s, entrant.time(s.timing().officialClock(), key)), placing == null ? null : placing.place(),
                    placing != null && placing.tied()));
        }
        return times;
    }

    private static List<RankingPlace> rankingPlaces(Snapshot s, String id) {
        List<RankingPlace> places = new ArrayList<>();
        for (RaceRanking r : listed(s)) {
            s.rankings().get(r.code()).of(id).ifPresent(p -> places.add(new RankingPlace(r.code(), r.name(), p.group(),
                    p.place(), p.tied())));
        }
        return places;
    }

    /** Places overall, by gender and by category at a point, in the race's first unfiltered rankings of each. */
    private static Places places(Snapshot s, String id, String at) {
        Placing category = placing(main(s, at, Grouping.CATEGORY), id);
        Placing overall = placing(main(s, at, Grouping.OVERALL), id);
        Placing gender = placing(main(s, at, Grouping.GENDER), id);
        return new Places(overall == null ? null : overall.place(), gender == null ? null : gender.place(),
                category == null ? null : category.place(), category == null ? null : category.group());
    }

    private static Placing placing(Ranking ranking, String id) {
        return ranking == null ? null : ranking.of(id).orElse(null);
    }

    /** The race's first ranking of everyone with this grouping at this point (or segment key), or null. */
    private static Ranking main(Snapshot s, String at, Grouping grouping) {
        for (RaceRanking r : s.listed()) {
            if (r.grouping() == grouping && at.equals(r.at(s.timing())) && RankingSpec.Filter.EVERYONE.equals(
                    r.filter() == null ? RankingSpec.Filter.EVERYONE : r.filter())) {
                return s.rankings().get(r.code());
            }
        }
        return null;
    }

    private static int bibOf(Snapshot s, String entrantId) {
        return s.bibs().get(entrantId);
    }

    private static String time(Snapshot s, Long millis) {
        return millis == null ? "" : RaceTime.format(millis, s.timing().precision());
    }

    private static String name(Starter starter) {
        return starter.firstName() + " " + starter.lastName();
    }

    static String fold(String text) {
        return StarterSearch.fold(text);
    }
}
