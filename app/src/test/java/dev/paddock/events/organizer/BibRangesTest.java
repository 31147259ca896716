package dev.paddock.events.organizer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paddock.shared.ProblemException.FieldProblem;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BibRangesTest {

    static Stream<Arguments> cases() {
        BibRange oneTo99 = new BibRange(1, 99, null);
        return Stream.of(
                Arguments.of(List.of(oneTo99), List.of(), List.of(), List.of()),
                Arguments.of(List.of(new BibRange(1, 99, "A"), new BibRange(100, 199, "B")), List.of(), List.of(5, 150), List.of()),
                Arguments.of(List.of(), List.of(), List.of(), List.of()),
                Arguments.of(List.of(new BibRange(0, 9, null)), List.of(), List.of(), List.of("[0].firstBib:min")),
                Arguments.of(List.of(new BibRange(10, 9, null)), List.of(), List.of(), List.of("[0].lastBib:before-first")),
                Arguments.of(List.of(oneTo99, new BibRange(50, 150, null)), List.of(), List.of(), List.of("[1].firstBib:overlap")),
                Arguments.of(List.of(new BibRange(500, 600, null)), List.of(new BibRange(1, 99, null), new BibRange(600, 700, null)),
                        List.of(), List.of("[0].firstBib:taken-by-another-race")),
                Arguments.of(List.of(oneTo99), List.of(), List.of(100), List.of("[0].firstBib:assigned-outside")),
                Arguments.of(List.of(new BibRange(1, 100_001, null)), List.of(), List.of(), List.of("[0].firstBib:too-many")),
                Arguments.of(List.of(new BibRange(1, 9, "x".repeat(41))), List.of(), List.of(), List.of("[0].wave:size")));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void checksRanges(List<BibRange> ranges, List<BibRange> otherRaces, List<Integer> assigned, List<String> expected) {
        List<FieldProblem> problems = BibRanges.problems(ranges, otherRaces, assigned);
        assertThat(problems.stream().map(p -> p.field() + ":" + p.code()).toList()).isEqualTo(expected);
    }
}
