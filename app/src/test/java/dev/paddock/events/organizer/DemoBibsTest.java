package dev.paddock.events.organizer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DemoBibsTest {

    static Stream<Arguments> plans() {
        return Stream.of(
                Arguments.of(List.of(5000, 2000, 50, 0), List.of(new BibRange(1, 5500, null), new BibRange(5501, 7700, null),
                        new BibRange(7701, 7800, null), new BibRange(7801, 7900, null))),
                Arguments.of(List.of(91, 1001), List.of(new BibRange(1, 100, null), new BibRange(101, 1300, null))),
                Arguments.of(List.of(), List.of()));
    }

    @ParameterizedTest
    @MethodSource("plans")
    void eachRaceGetsRoomForItsCapacityAndATenthFromARoundFigure(List<Integer> capacities, List<BibRange> ranges) {
        List<BibRange> plan = DemoBibs.plan(capacities);
        assertThat(plan).isEqualTo(ranges);
        assertThat(BibRanges.problems(plan, List.of(), List.of())).isEmpty();
    }
}
