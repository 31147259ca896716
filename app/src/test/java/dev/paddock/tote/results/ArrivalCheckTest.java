package dev.paddock.tote.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paddock.shared.ProblemException;
import dev.paddock.tote.RunnerCard;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpStatus;

class ArrivalCheckTest {

    @ParameterizedTest(name = "{0} runners, NP [{1}]: \"{2}\" DQ [{3}]")
    @CsvSource(delimiter = '|', textBlock = """
            10 | ''      | 3 1=7 5 2      | 4   | 4
            10 | 9       | 3 1=7 5 2      | 6 4 | 4 6
            10 | ''      | 1 2 3 4=5      | ''  | ''
            10 | ''      | 1=2=3=4=5      | ''  | ''
            10 | ''      | 1 2 3 4 5 6 7  | ''  | ''
            10 | 1 2 3 4 | 5 6 7 8 9      | ''  | ''
            10 | 1 2 3 4 | 9 5=6 7 8      | 10  | 10
            3  | ''      | 1 2 3          | ''  | ''
            3  | ''      | 2=3 1          | ''  | ''
            4  | ''      | 1 2 3          | 4   | 4
            4  | 2       | 1 3 4          | ''  | ''
            2  | 1       | 2              | ''  | ''
            """)
    void aCompleteArrivalOfStartersPasses(int runners, String nonRunners, String finish, String disqualified,
            String checkedDisqualified) {
        ArrivalCheck.Checked checked = ArrivalCheck.check(FinishNotation.parse(finish),
                FinishNotation.runners(disqualified, "disqualified"), field(runners, nonRunners));

        assertThat(checked.finish()).isEqualTo(FinishNotation.parse(finish));
        assertThat(checked.disqualified()).isEqualTo(FinishNotation.runners(checkedDisqualified, "disqualified"));
    }

    @ParameterizedTest(name = "{0} runners, NP [{1}]: \"{2}\" DQ [{3}] -> {4} {5}")
    @CsvSource(delimiter = '|', textBlock = """
            10 | ''      | 3 1=7 5 11    | ''  | finish[3][0] | unknown
            10 | 9       | 3 1=9 5 2     | ''  | finish[1][1] | non-runner
            10 | ''      | 3 1 7 5 3     | ''  | finish[4][0] | duplicate
            10 | ''      | 3 1=1 5 2 6   | ''  | finish[1][1] | duplicate
            10 | ''      | 3 1 7 5 2     | 7   | finish[2][0] | disqualified
            10 | 9       | 3 1 7 5 2     | 9   | disqualified[0] | non-runner
            10 | ''      | 3 1 7 5 2     | 4 4 | disqualified[1] | duplicate
            10 | ''      | 3 1 7 5 2     | 12  | disqualified[0] | unknown
            10 | ''      | 1 2 3 4       | ''  | finish       | too-short
            10 | ''      | 1 2=3 4       | ''  | finish       | too-short
            10 | 1 2 3 4 | 5 6 7 8       | ''  | finish       | too-short
            10 | 1 2 3 4 | 5 6 7         | 10  | finish       | too-short
            3  | ''      | 1 2           | ''  | finish       | too-short
            4  | ''      | 1 2           | 4   | finish       | too-short
            """)
    void aWrongArrivalNamesItsField(int runners, String nonRunners, String finish, String disqualified, String field,
            String code) {
        assertThatThrownBy(() -> ArrivalCheck.check(FinishNotation.parse(finish),
                FinishNotation.runners(disqualified, "disqualified"), field(runners, nonRunners)))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST);
                    assertThat(e.fieldProblems()).singleElement().satisfies(p -> {
                        assertThat(p.field()).isEqualTo(field);
                        assertThat(p.code()).isEqualTo(code);
                    });
                });
    }

    @Test
    void missingPositionsAndRunnersAreNamed() {
        List<RunnerCard> field = field(10, "");
        List<List<Integer>> nullGroup = new ArrayList<>(List.of(List.of(1), List.of(2)));
        nullGroup.add(null);
        List<Integer> nullRunner = new ArrayList<>(List.of(3));
        nullRunner.add(null);

        assertField(() -> ArrivalCheck.check(null, List.of(), field), "finish", "required");
        assertField(() -> ArrivalCheck.check(List.of(), List.of(), field), "finish", "required");
        assertField(() -> ArrivalCheck.check(nullGroup, List.of(), field), "finish[2]", "required");
        assertField(() -> ArrivalCheck.check(List.of(List.of(1), List.of()), List.of(), field), "finish[1]", "required");
        assertField(() -> ArrivalCheck.check(List.of(List.of(1), nullRunner), List.of(), field), "finish[1][1]", "required");
        assertThat(ArrivalCheck.check(List.of(List.of(1, 2, 3, 4, 5)), null, field).disqualified()).isEmpty();
    }

    @Test
    void aRaceWithoutStartersHasNoResult() {
        assertThatThrownBy(() -> ArrivalCheck.check(List.of(List.of(1)), List.of(), field(2, "1 2")))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.CONFLICT);
                    assertThat(e.slug()).isEqualTo("no-starters");
                });
    }

    private static void assertField(Runnable check, String field, String code) {
        assertThatThrownBy(check::run).isInstanceOfSatisfying(ProblemException.class, e ->
                assertThat(e.fieldProblems()).singleElement().satisfies(p -> {
                    assertThat(p.field()).isEqualTo(field);
                    assertThat(p.code()).isEqualTo(code);
                }));
    }

    /** Runners 1..count named "Runner n", the given numbers non-runners. */
    private static List<RunnerCard> field(int count, String nonRunners) {
        Set<Integer> out = Arrays.stream(nonRunners.split(" ")).filter(s -> !s.isBlank()).map(Integer::valueOf)
                .collect(Collectors.toSet());
        return IntStream.rangeClosed(1, count).mapToObj(n -> new RunnerCard(n, "Runner " + n, out.contains(n))).toList();
    }
}
