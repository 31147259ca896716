package dev.paddock.events.organizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BibAllocationTest {

    /** Ranges written "1-5" or "1-5,10-12"; taken numbers removed; units as sizes; expected bibs flat. */
    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("1-5", Set.of(), List.of(1, 1, 1), List.of(1, 2, 3)),
                Arguments.of("1-5", Set.of(1, 3), List.of(1, 1), List.of(2, 4)),
                Arguments.of("1-5", Set.of(), List.of(3), List.of(1, 2, 3)),
                Arguments.of("1-5", Set.of(2), List.of(3), List.of(3, 4, 5)),
                // a block skips a hole too small for it; the next athlete fills the hole
                Arguments.of("1-6", Set.of(3), List.of(3, 1), List.of(4, 5, 6, 1)),
                // a block never spans two ranges even when the numbers touch
                Arguments.of("1-2,3-5", Set.of(), List.of(3), List.of(3, 4, 5)),
                // waves: the first range fills first
                Arguments.of("100-101,200-202", Set.of(), List.of(1, 1, 1, 1), List.of(100, 101, 200, 201)),
                Arguments.of("1-3", Set.of(), List.of(), List.of()),
                Arguments.of("1-1", Set.of(), List.of(1), List.of(1)));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void handsOutNumbersInOrder(String ranges, Set<Integer> taken, List<Integer> sizes, List<Integer> expected) {
        List<List<UUID>> units = units(sizes);
        Map<UUID, Integer> bibs = BibAllocation.allocate(free(ranges, taken), units);
        assertThat(units.stream().flatMap(List::stream).map(bibs::get).toList()).isEqualTo(expected);
    }

    static Stream<Arguments> exhausted() {
        return Stream.of(
                Arguments.of("1-2", Set.of(), List.of(1, 1, 1), "3 bibs are needed but only 2 are free."),
                Arguments.of("1-5", Set.of(1, 2, 3, 4, 5), List.of(1), "1 bibs are needed but only 0 are free."),
                Arguments.of("1-5", Set.of(3), List.of(3), "No 3 consecutive free bibs"),
                Arguments.of("1-2,3-4", Set.of(), List.of(3), "No 3 consecutive free bibs"),
                Arguments.of("1-5", Set.of(4), List.of(1, 3), "No 3 consecutive free bibs"));
    }

    @ParameterizedTest
    @MethodSource("exhausted")
    void refusesWhenNumbersRunOut(String ranges, Set<Integer> taken, List<Integer> sizes, String message) {
        assertThatThrownBy(() -> BibAllocation.allocate(free(ranges, taken), units(sizes)))
                .isInstanceOf(BibsExhausted.class).hasMessageContaining(message);
    }

    /** Law: whatever fits is numbered with distinct free numbers, and every team's block is consecutive. */
    @RepeatedTest(200)
    void distinctFreeNumbersAndConsecutiveBlocks() {
        Random random = new Random();
        List<FreeBib> free = new ArrayList<>();
        int bib = 1;
        for (int range = 0; range < 1 + random.nextInt(3); range++) {
            bib += random.nextInt(5);
            int size = 1 + random.nextInt(30);
            for (int i = 0; i < size; i++, bib++) {
                if (random.nextInt(5) > 0) {
                    free.add(new FreeBib(bib, range));
                }
            }
        }
        List<Integer> sizes = IntStream.range(0, random.nextInt(12)).map(i -> random.nextInt(4) == 0 ? 1 + random.nextInt(4) : 1)
                .boxed().toList();
        List<List<UUID>> units = units(sizes);
        Map<UUID, Integer> bibs;
        try {
            bibs = BibAllocation.allocate(free, units);
        } catch (BibsExhausted refused) {
            return;
        }
        Set<Integer> freeNumbers = new HashSet<>(free.stream().map(FreeBib::bib).toList());
        assertThat(bibs.values()).doesNotHaveDuplicates().allMatch(freeNumbers::contains);
        assertThat(bibs).hasSize(sizes.stream().mapToInt(Integer::intValue).sum());
        for (List<UUID> unit : units) {
            for (int i = 1; i < unit.size(); i++) {
                assertThat(bibs.get(unit.get(i))).isEqualTo(bibs.get(unit.get(i - 1)) + 1);
            }
        }
    }

    static List<FreeBib> free(String ranges, Set<Integer> taken) {
        List<FreeBib> free = new ArrayList<>();
        String[] parts = ranges.split(",");
        for (int range = 0; range < parts.length; range++) {
            String[] bounds = parts[range].split("-");
            for (int bib = Integer.parseInt(bounds[0]); bib <= Integer.parseInt(bounds[1]); bib++) {
                if (!taken.contains(bib)) {
                    free.add(new FreeBib(bib, range));
                }
            }
        }
        return free;
    }

    static List<List<UUID>> units(List<Integer> sizes) {
        return sizes.stream().map(size -> IntStream.range(0, size).mapToObj(i -> UUID.randomUUID()).toList()).toList();
    }
}
