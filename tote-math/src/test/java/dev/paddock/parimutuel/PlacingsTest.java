package dev.paddock.parimutuel;

import static dev.paddock.parimutuel.Pools.arrival;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Which runners may stand in the first k positions, dead heats included. */
class PlacingsTest {

    static Stream<Arguments> within() {
        return Stream.of(
                arguments("1 2 3 4", List.of(1, 2), 2, true),
                arguments("1 2 3 4", List.of(1, 3), 2, false),
                arguments("1 2 3 4", List.of(3), 3, true),
                // 2 and 3 tied for 2nd: one of them with 1 are the first two, not both
                arguments("1 2=3 4", List.of(1, 3), 2, true),
                arguments("1 2=3 4", List.of(2, 3), 2, false),
                arguments("1 2=3 4", List.of(2, 3), 3, true),
                // three tied for 1st: any two are the first two
                arguments("1=2=3 4", List.of(2, 3), 2, true),
                arguments("1=2=3 4", List.of(1, 2, 3), 2, false),
                // a runner that did not finish is never placed
                arguments("1 2", List.of(5), 3, false),
                // fewer finishers than places: the finishers are placed
                arguments("1 2", List.of(1, 2), 3, true));
    }

    @ParameterizedTest(name = "{0}: {1} within the first {2} -> {3}")
    @MethodSource("within")
    void within(String finish, List<Integer> runners, int k, boolean expected) {
        assertThat(new Placings(arrival(finish, 8)).within(Placings.mask(runners), k)).isEqualTo(expected);
    }

    static Stream<Arguments> winningSets() {
        return Stream.of(
                arguments("1 2 3 4", 3, List.of(List.of(1, 2, 3))),
                arguments("1 2 3=4 5", 3, List.of(List.of(1, 2, 3), List.of(1, 2, 4))),
                arguments("1=2 3", 1, List.of(List.of(1), List.of(2))),
                arguments("1=2=3 4", 2, List.of(List.of(1, 2), List.of(1, 3), List.of(2, 3))),
                // not enough finishers: no set of the first 4
                arguments("1 2 3", 4, List.of()));
    }

    @ParameterizedTest(name = "{0}: the first {1} may be {2}")
    @MethodSource("winningSets")
    void winningSets(String finish, int k, List<List<Integer>> expected) {
        assertThat(new Placings(arrival(finish, 8)).winningSets(k))
                .containsExactlyInAnyOrderElementsOf(expected.stream().map(Placings::mask).toList());
    }

    @Test
    void aDisqualifiedRunnerIsNeverPlacedAndTheOthersMoveUp() {
        Placings placings = new Placings(new Arrival(List.of(List.of(1), List.of(2), List.of(3)), Pools.set(),
                Pools.set(1), 8, false));
        assertThat(placings.within(Placings.mask(List.of(1)), 3)).isFalse();
        assertThat(placings.at(2, 1)).isTrue();
        assertThat(placings.at(3, 2)).isTrue();
    }
}
