package dev.paddock.passings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paddock.passings.Segment.Kind;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SegmentsTest {

    /** A triathlon: start, T1 in and out, T2 in and out, finish; the distances only order the mats. */
    static final Course TRIATHLON = new Course(List.of(new TimingPoint("start", TimingPoint.Kind.START, 0),
            new TimingPoint("t1in", TimingPoint.Kind.SPLIT, 1900), new TimingPoint("t1out", TimingPoint.Kind.SPLIT, 2000),
            new TimingPoint("t2in", TimingPoint.Kind.SPLIT, 92_000), new TimingPoint("t2out", TimingPoint.Kind.SPLIT, 92_100),
            new TimingPoint("ziel", TimingPoint.Kind.FINISH, 113_200)), 30_000, 30_000);

    static final List<Segment> LEGS = List.of(new Segment("swim", "start", "t1in", Kind.DISCIPLINE),
            new Segment("t1", "t1in", "t1out", Kind.TRANSITION), new Segment("bike", "t1out", "t2in", Kind.DISCIPLINE),
            new Segment("t2", "t2in", "t2out", Kind.TRANSITION), new Segment("run", "t2out", "ziel", Kind.DISCIPLINE));

    static Map<String, Long> times(Object... pointsAndSeconds) {
        Map<String, Long> times = new HashMap<>();
        for (int i = 0; i < pointsAndSeconds.length; i += 2) {
            times.put((String) pointsAndSeconds[i], ((Integer) pointsAndSeconds[i + 1]) * 1000L);
        }
        return times;
    }

    static Map<String, Long> expected(Object... segmentsAndSeconds) {
        Map<String, Long> expected = new LinkedHashMap<>();
        for (int i = 0; i < segmentsAndSeconds.length; i += 2) {
            expected.put((String) segmentsAndSeconds[i], ((Integer) segmentsAndSeconds[i + 1]) * 1000L);
        }
        return expected;
    }

    static Stream<Arguments> athletes() {
        return Stream.of(
                Arguments.of("every mat read", times("t1in", 1800, "t1out", 1900, "t2in", 10_000, "t2out", 10_090,
                        "finish", 15_000), expected("swim", 1800, "t1", 100, "bike", 8100, "t2", 90, "run", 4910)),
                Arguments.of("T1 out missed: T1 and bike unknown, the rest known",
                        times("t1in", 1800, "t2in", 10_000, "t2out", 10_090, "finish", 15_000),
                        expected("swim", 1800, "t2", 90, "run", 4910)),
                Arguments.of("still on the bike", times("t1in", 1800, "t1out", 1900),
                        expected("swim", 1800, "t1", 100)),
                Arguments.of("a T2 in read after T2 out (a mat's clock out of step): T2 unknown, never negative",
                        times("t1in", 1800, "t1out", 1900, "t2in", 10_100, "t2out", 10_090, "finish", 15_000),
                        expected("swim", 1800, "t1", 100, "bike", 8200, "run", 4910)),
                Arguments.of("two mats read at the same moment: unknown, not zero",
                        times("t1in", 1800, "t1out", 1800), expected("swim", 1800)),
                Arguments.of("no read at all", times(), expected()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("athletes")
    void segmentsAreKnownOnlyBetweenTwoReadsInOrder(String athlete, Map<String, Long> times, Map<String, Long> expected) {
        assertThat(Segments.times(TRIATHLON, LEGS, times)).containsExactlyEntriesOf(expected);
    }

    static Stream<Arguments> bad() {
        return Stream.of(Arguments.of(null, "a", "b", Kind.DISCIPLINE), Arguments.of("Bike", "a", "b", Kind.DISCIPLINE),
                Arguments.of("bike", null, "b", Kind.DISCIPLINE), Arguments.of("bike", "a", null, Kind.DISCIPLINE),
                Arguments.of("bike", "a", "b", null));
    }

    @ParameterizedTest
    @MethodSource("bad")
    void aSegmentHasACodeTwoPointsAndAKind(String code, String from, String to, Kind kind) {
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() -> new Segment(code, from, to, kind));
    }
}
