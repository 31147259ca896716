package dev.paddock.timing.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paddock.events.Starter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DemoResultsTest {

    static final long GUN = 1_800_000_000_000L;
    static final DemoResults.Reads READS = DemoResults.simulate(IntStream.rangeClosed(1, 300)
            .mapToObj(bib -> new Starter(UUID.randomUUID(), null, bib, "A", "B", "F", LocalDate.of(1990, 1, 1), "CH", null,
                    null, null, Map.of())).toList(), GUN, new Random(6));

    static List<String> pointsOf(int bib) {
        List<String> points = new ArrayList<>();
        for (int i = 0; i < READS.bibs().size(); i++) {
            if (READS.bibs().get(i) == bib) {
                points.add(READS.points().get(i));
            }
        }
        return points;
    }

    static String statusOf(int bib) {
        int at = READS.statusBibs().indexOf(bib);
        return at < 0 ? null : READS.statuses().get(at);
    }

    static Stream<Arguments> starters() {
        return Stream.of(Arguments.of(1, List.of("start", "km5", "km10", "km15", "finish"), null),
                Arguments.of(40, List.of(), "DNS"),
                Arguments.of(33, List.of("start", "km5", "km10"), "DNF"),
                Arguments.of(25, List.of("start", "km5", "km15", "finish"), null),
                Arguments.of(97, List.of("start", "km5", "km10", "km15", "finish"), "DSQ"));
    }

    @ParameterizedTest
    @MethodSource("starters")
    void aFinishedRaceWithItsMissedMatsAndStatuses(int bib, List<String> points, String status) {
        assertThat(pointsOf(bib)).containsExactlyElementsOf(points);
        assertThat(statusOf(bib)).isEqualTo(status);
    }

    @ParameterizedTest
    @MethodSource("starters")
    void everyReadIsLaterThanTheLastAndNoFasterThanTheCourseAllows(int bib, List<String> points, String status) {
        long previous = GUN;
        int metres = 0;
        for (int i = 0; i < READS.bibs().size(); i++) {
            if (READS.bibs().get(i) == bib) {
                String point = READS.points().get(i);
                int at = DemoResults.POINTS.stream().filter(p -> p.code().equals(point)).findFirst().orElseThrow()
                        .distanceMetres();
                assertThat(READS.ats().get(i) - previous).isGreaterThanOrEqualTo((at - metres) * 150L);
                previous = READS.ats().get(i);
                metres = at;
            }
        }
        assertThat(READS.statuses()).hasSize(READS.statusBibs().size());
    }
}
