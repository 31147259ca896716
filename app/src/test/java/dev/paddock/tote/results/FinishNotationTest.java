package dev.paddock.tote.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paddock.shared.ProblemException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class FinishNotationTest {

    static Stream<Arguments> finishes() {
        return Stream.of(
                Arguments.of("3 1=7 5 2", List.of(List.of(3), List.of(1, 7), List.of(5), List.of(2)), "3 1=7 5 2"),
                Arguments.of("  3  1 = 7 ", List.of(List.of(3), List.of(1, 7)), "3 1=7"),
                Arguments.of("3 - 1 - 7 - 5 - 2", List.of(List.of(3), List.of(1), List.of(7), List.of(5), List.of(2)), "3 1 7 5 2"),
                Arguments.of("12,4,8", List.of(List.of(12), List.of(4), List.of(8)), "12 4 8"),
                Arguments.of("1=2=3\t4\n5", List.of(List.of(1, 2, 3), List.of(4), List.of(5)), "1=2=3 4 5"),
                Arguments.of("9", List.of(List.of(9)), "9"));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @MethodSource("finishes")
    void aFinishReadsAsPositionsOfTiedRunnersAndWritesBackCanonically(String text, List<List<Integer>> finish,
            String canonical) {
        assertThat(FinishNotation.parse(text)).isEqualTo(finish);
        assertThat(FinishNotation.format(finish)).isEqualTo(canonical);
        assertThat(FinishNotation.parse(canonical)).isEqualTo(finish);
    }

    @ParameterizedTest(name = "\"{0}\" -> {1} {2}")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            NULL        | finish       | required
            '   '       | finish       | required
            3 x 5       | finish[1][0] | pattern
            3 1=        | finish[1][1] | pattern
            =1 5        | finish[0][0] | pattern
            3 1==7 5    | finish[1][1] | pattern
            3 1=7 5 100 | finish[3][0] | pattern
            3 1.5       | finish[1][0] | pattern
            -3 1        | finish[0][0] | pattern
            """)
    void aMistypedFinishNamesThePositionAndRunner(String text, String field, String code) {
        assertThatThrownBy(() -> FinishNotation.parse(text)).isInstanceOfSatisfying(ProblemException.class, e ->
                assertThat(e.fieldProblems()).singleElement().satisfies(p -> {
                    assertThat(p.field()).isEqualTo(field);
                    assertThat(p.code()).isEqualTo(code);
                }));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            NULL   | ''     |
            ''     | ''     |
            4      | 4      |
            4 9    | 4 9    |
            4, 9   | 4 9    |
            4 x    |        | disqualified[1]
            4=9    |        | disqualified[0]
            """)
    void aListOfRunnersReadsAsNumbers(String text, String canonical, String badField) {
        if (badField != null) {
            assertThatThrownBy(() -> FinishNotation.runners(text, "disqualified")).isInstanceOfSatisfying(
                    ProblemException.class, e -> assertThat(e.fieldProblems().getFirst().field()).isEqualTo(badField));
            return;
        }
        assertThat(FinishNotation.formatRunners(FinishNotation.runners(text, "disqualified"))).isEqualTo(canonical);
    }
}
