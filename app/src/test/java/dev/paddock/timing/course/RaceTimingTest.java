package dev.paddock.timing.course;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paddock.passings.Segment;
import dev.paddock.passings.TimingPoint;
import dev.paddock.passings.TimingPoint.Kind;
import dev.paddock.rankings.Clock;
import dev.paddock.rankings.Entrant;
import dev.paddock.rankings.RaceTime;
import dev.paddock.rankings.RankingSpec;
import dev.paddock.rankings.RankingSpec.Grouping;
import dev.paddock.rankings.TiePolicy;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RaceTimingTest {

    static final List<TimingPoint> POINTS = List.of(new TimingPoint("start", Kind.START, 0),
            new TimingPoint("km5", Kind.SPLIT, 5000), new TimingPoint("ziel", Kind.FINISH, 10000));

    static RaceTiming timing(List<RaceRanking> rankings, List<Segment> segments, List<String> handovers) {
        return new RaceTiming(UUID.randomUUID(), Clock.NET, 150_000, 30_000, null, false, RaceTime.Precision.SECONDS,
                POINTS, List.of(), null, null, 0, rankings, segments, handovers);
    }

    static RaceRanking at(String code, String point, String segment) {
        return new RaceRanking(code, null, null, Grouping.OVERALL, null, null, point, segment, null, null, null);
    }

    @Test
    void withoutConfiguredRankingsARaceRanksOverallByGenderAndByCategoryAtTheFinishAndEachSplit() {
        assertThat(timing(null, List.of(), List.of()).rankingsOrDefault()).extracting(RaceRanking::code)
                .containsExactly("overall", "gender", "category", "km5/overall", "km5/gender", "km5/category");
        assertThat(timing(List.of(at("club", null, null)), List.of(), List.of()).rankingsOrDefault())
                .extracting(RaceRanking::code).containsExactly("club");
    }

    static Stream<Arguments> places() {
        return Stream.of(Arguments.of(at("a", null, null), Entrant.FINISH), Arguments.of(at("a", "ziel", null), Entrant.FINISH),
                Arguments.of(at("a", "km5", null), "km5"), Arguments.of(at("a", null, "bike"), "segment:bike"));
    }

    @ParameterizedTest
    @MethodSource("places")
    void aRankingRanksAtTheFinishASplitOrOverASegment(RaceRanking ranking, String expected) {
        RankingSpec spec = ranking.spec(timing(List.of(ranking), List.of(), List.of()));
        assertThat(spec.point()).isEqualTo(expected);
        assertThat(spec.clock()).isEqualTo(Clock.NET);
        assertThat(spec.ties()).isEqualTo(TiePolicy.SHARED);
    }

    @Test
    void whatACourseNoLongerHasIsNamed() {
        RaceTiming timing = timing(List.of(at("a", "km5", null), at("b", "km10", null)),
                List.of(new Segment("run", "km5", "t2", Segment.Kind.DISCIPLINE)), List.of("h1", "km5"));
        assertThat(timing.missingPoints()).isEqualTo(Set.of("km10", "t2", "h1"));
        assertThat(timing(null, List.of(), List.of()).missingPoints()).isEmpty();
    }
}
