package dev.paddock.timing.course;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paddock.passings.TimingPoint;
import dev.paddock.passings.TimingPoint.Kind;
import dev.paddock.rankings.RankingSpec.Filter;
import dev.paddock.rankings.RankingSpec.Grouping;
import dev.paddock.shared.ProblemException.FieldProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SetupProblemsTest {

    static final List<TimingPoint> POINTS = List.of(new TimingPoint("start", Kind.START, 0),
            new TimingPoint("km5", Kind.SPLIT, 5000), new TimingPoint("ziel", Kind.FINISH, 10000));

    static RaceRanking ranking(String code, Grouping grouping) {
        return new RaceRanking(code, null, null, grouping, null, null, null, null, null, null, null);
    }

    static RaceRanking club() {
        return new RaceRanking("club", "Clubs", null, Grouping.FIELD, "club", null, null, null, null, null, null);
    }

    static Stream<Arguments> setups() {
        RaceRanking overall = ranking("overall", Grouping.OVERALL);
        return Stream.of(
                Arguments.of("a valid set", List.of(overall, club(),
                        new RaceRanking("masters", null, new Filter("F", Set.of("W40"), Map.of("club", "LC Zürich")),
                                Grouping.CATEGORY, null, null, "km5", null, null, 3, List.of("W70", "W60")),
                        new RaceRanking("nations", null, null, Grouping.FIELD, "nationality", null, "ziel", null, null, null, null)),
                        List.of()),
                Arguments.of("none", List.of(), List.of("rankings:size")),
                Arguments.of("a code twice", List.of(overall, ranking("overall", Grouping.GENDER)),
                        List.of("rankings[1].code:unique")),
                Arguments.of("a code with a slash, teams, none", List.of(ranking("km5/overall", Grouping.OVERALL),
                        ranking("teams", Grouping.OVERALL), ranking(null, Grouping.OVERALL)),
                        List.of("rankings[0].code:code", "rankings[1].code:code", "rankings[2].code:code")),
                Arguments.of("no grouping", List.of(ranking("x", null)), List.of("rankings[0].grouping:required")),
                Arguments.of("a private field", List.of(overall, overall, new RaceRanking("phones", null, null,
                        Grouping.FIELD, "phone", null, null, null, null, null, null)),
                        List.of("rankings[1].code:unique", "rankings[2].groupField:public-field")),
                Arguments.of("FIELD without a field", List.of(ranking("x", Grouping.FIELD)),
                        List.of("rankings[0].groupField:public-field")),
                Arguments.of("a field on another grouping", List.of(new RaceRanking("x", null, null, Grouping.GENDER,
                        "club", null, null, null, null, null, null)), List.of("rankings[0].groupField:field-grouping")),
                Arguments.of("an unknown point, the start", List.of(
                        new RaceRanking("a", null, null, Grouping.OVERALL, null, null, "km7", null, null, null, null),
                        new RaceRanking("b", null, null, Grouping.OVERALL, null, null, "start", null, null, null, null)),
                        List.of("rankings[0].point:unknown", "rankings[1].point:unknown")),
                Arguments.of("an unknown segment, point and segment", List.of(
                        new RaceRanking("a", null, null, Grouping.OVERALL, null, null, null, "bike", null, null, null),
                        new RaceRanking("b", null, null, Grouping.OVERALL, null, null, "km5", "run", null, null, null),
                        new RaceRanking("c", null, null, Grouping.OVERALL, null, null, null, "run", null, null, null)),
                        List.of("rankings[0].segment:unknown", "rankings[1].segment:point-or-segment")),
                Arguments.of("a bad filter", List.of(new RaceRanking("a", null, new Filter("W", null,
                        Map.of("phone", "1")), Grouping.OVERALL, null, null, null, null, null, null, null)),
                        List.of("rankings[0].filter.gender:gender", "rankings[0].filter.fields.phone:public-field")),
                Arguments.of("merging", List.of(
                        new RaceRanking("a", null, null, Grouping.OVERALL, null, null, null, null, null, 3, List.of("M70")),
                        new RaceRanking("b", null, null, Grouping.CATEGORY, null, null, null, null, null, 3, null),
                        new RaceRanking("c", null, null, Grouping.CATEGORY, null, null, null, null, null, null, List.of("M70")),
                        new RaceRanking("d", null, null, Grouping.CATEGORY, null, null, null, null, null, -1, null)),
                        List.of("rankings[0].minCategorySize:category-grouping", "rankings[1].categoryMergeOrder:merge-order",
                                "rankings[2].categoryMergeOrder:merge-order", "rankings[3].minCategorySize:range")),
                Arguments.of("a blank name, a missing entry", new ArrayList<>(java.util.Arrays.asList(
                        new RaceRanking("a", " ", null, Grouping.OVERALL, null, null, null, null, null, null, null), null)),
                        List.of("rankings[0].name:size", "rankings[1]:required")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("setups")
    void everyProblemNamesItsField(String setup, List<RaceRanking> rankings, List<String> expected) {
        List<FieldProblem> problems = SetupProblems.rankings(rankings, POINTS, Set.of("run"), Set.of("club"));
        assertThat(problems).extracting(p -> p.field() + ":" + p.code()).containsExactlyElementsOf(expected);
    }

    static final List<TimingPoint> TRIATHLON = List.of(new TimingPoint("start", Kind.START, 0),
            new TimingPoint("t1in", Kind.SPLIT, 1900), new TimingPoint("t1out", Kind.SPLIT, 2000),
            new TimingPoint("t2in", Kind.SPLIT, 92_000), new TimingPoint("finish", Kind.FINISH, 113_000));

    static TimingSetup.SegmentEntry segment(String code, String from, String to) {
        return new TimingSetup.SegmentEntry(code, from, to, dev.paddock.passings.Segment.Kind.DISCIPLINE);
    }

    static Stream<Arguments> segmentLists() {
        return Stream.of(
                Arguments.of("swim, T1, bike, run", List.of(segment("swim", "start", "t1in"), segment("t1", "t1in", "t1out"),
                        segment("bike", "t1out", "t2in"), segment("run", "t2in", "finish")), List.of()),
                Arguments.of("a gap is allowed", List.of(segment("swim", "start", "t1in"), segment("run", "t2in", "finish")),
                        List.of()),
                Arguments.of("unknown points, a finish as start, a start as end", List.of(segment("swim", "start", "t9"),
                        segment("bike", "finish", "start")), List.of("segments[0].to:unknown", "segments[1].from:unknown",
                        "segments[1].to:unknown")),
                Arguments.of("backwards", List.of(segment("swim", "t1in", "start")), List.of("segments[0].to:unknown")),
                Arguments.of("ends where it starts", List.of(segment("t1", "t1in", "t1in")), List.of("segments[0].to:order")),
                Arguments.of("out of course order, overlapping", List.of(segment("bike", "t1out", "t2in"),
                        segment("swim", "start", "t1in"), segment("long", "t1in", "finish")),
                        List.of("segments[1].from:order", "segments[2].from:order")),
                Arguments.of("codes", List.of(segment("Swim", "start", "t1in"), segment("t1", "t1in", "t1out"),
                        segment("t1", "t1out", "t2in"), new TimingSetup.SegmentEntry("run", "t2in", "finish", null)),
                        List.of("segments[0].code:code", "segments[2].code:unique", "segments[3].kind:required")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("segmentLists")
    void segmentsFollowTheCourse(String setup, List<TimingSetup.SegmentEntry> segments, List<String> expected) {
        assertThat(SetupProblems.segments(segments, TRIATHLON)).extracting(p -> p.field() + ":" + p.code())
                .containsExactlyElementsOf(expected);
    }

    static Stream<Arguments> handoverLists() {
        return Stream.of(
                Arguments.of("three mats", List.of("t1in", "t1out", "t2in"), true, List.of()),
                Arguments.of("one mat for every handover", List.of("t1in", "t1in", "t1in"), true, List.of()),
                Arguments.of("no handover: each member's own finish", List.of(), false, List.of()),
                Arguments.of("not a relay", List.of("t1in"), false, List.of("relayHandovers:relay")),
                Arguments.of("the start, the finish, an unknown mat", List.of("start", "finish", "h9"), true,
                        List.of("relayHandovers[0]:unknown", "relayHandovers[1]:unknown", "relayHandovers[2]:unknown")),
                Arguments.of("out of leg order", List.of("t2in", "t1in"), true, List.of("relayHandovers[1]:order")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("handoverLists")
    void handoversAreSplitsInLegOrder(String setup, List<String> handovers, boolean relay, List<String> expected) {
        assertThat(SetupProblems.handovers(handovers, TRIATHLON, relay)).extracting(p -> p.field() + ":" + p.code())
                .containsExactlyElementsOf(expected);
    }
}
