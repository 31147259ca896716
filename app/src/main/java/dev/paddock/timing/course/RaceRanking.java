package dev.paddock.timing.course;

import dev.paddock.passings.TimingPoint;
import dev.paddock.rankings.Clock;
import dev.paddock.rankings.Entrant;
import dev.paddock.rankings.RankingSpec;
import dev.paddock.rankings.RankingSpec.Grouping;
import dev.paddock.rankings.TiePolicy;
import java.util.ArrayList;
import java.util.List;

/**
 * One ranking of a race as the timing operator configures it (the API's and the stored shape): a
 * {@link RankingSpec} whose unset parts follow the race: its official clock, the finish, shared places.
 *
 * @param name    what results pages call it ("Club ranking"), or null: the code
 * @param clock   GUN or NET, or null: the race's official clock
 * @param point   the timing point it ranks at, or null: the finish
 * @param segment the multi-sport segment it ranks by ("fastest bike split") instead of a point, or null
 */
public record RaceRanking(String code, String name, RankingSpec.Filter filter, Grouping grouping, String groupField,
        Clock clock, String point, String segment, TiePolicy ties, Integer minCategorySize,
        List<String> categoryMergeOrder) {

    public static final String OVERALL = "overall";
    public static final String GENDER = "gender";
    public static final String CATEGORY = "category";
    /** The rankings of a race that configures none: overall, gender and category at the finish and at each split. */
    static final List<Grouping> DEFAULT_GROUPINGS = List.of(Grouping.OVERALL, Grouping.GENDER, Grouping.CATEGORY);

    /** The key segment times are kept under in an entrant's times; no timing point code has a colon. */
    public static String segmentKey(String segment) {
        return "segment:" + segment;
    }

    /** The ranking as timing-math computes it, for a race with this clock and these points. */
    public RankingSpec spec(RaceTiming timing) {
        return new RankingSpec(code, filter, grouping, grouping == Grouping.FIELD ? groupField : null,
                clock == null ? timing.officialClock() : clock, at(timing), timing.lapRace(),
                ties == null ? TiePolicy.SHARED : ties, minCategorySize == null ? 0 : minCategorySize, categoryMergeOrder);
    }

    /** Where it ranks, as entrants' times are keyed: "finish", a split's code, or a segment's key. */
    public String at(RaceTiming timing) {
        if (segment != null) {
            return segmentKey(segment);
        }
        boolean finish = point == null || timing.points().stream()
                .anyMatch(p -> p.code().equals(point) && p.kind() == TimingPoint.Kind.FINISH);
        return finish ? Entrant.FINISH : point;
    }

    /** "overall", "gender", "category" at the finish, then "{split}/overall"... at each split, in course order. */
    static List<RaceRanking> defaults(List<TimingPoint> points) {
        List<RaceRanking> rankings = new ArrayList<>();
        DEFAULT_GROUPINGS.forEach(g -> rankings.add(standard(g.name().toLowerCase(java.util.Locale.ROOT), g, null)));
        points.stream().filter(p -> p.kind() == TimingPoint.Kind.SPLIT).forEach(p -> DEFAULT_GROUPINGS.forEach(g ->
                rankings.add(standard(p.code() + "/" + g.name().toLowerCase(java.util.Locale.ROOT), g, p.code()))));
        return List.copyOf(rankings);
    }

    private static RaceRanking standard(String code, Grouping grouping, String point) {
        return new RaceRanking(code, null, null, grouping, null, null, point, null, null, null, null);
    }
}
