package dev.paddock.timing.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

/** A ranking page put together from its heading and its rows is the page serialised at once. */
class ResultBodiesTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 3, 50})
    void aPageMadeOfItsHeadingAndRowsIsThePageSerialisedWhole(int count) {
        List<ResultViews.Row> rows = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(new ResultViews.Row(i + 1, i % 7 == 3, 100 + i, i % 2 == 0 ? "Zoë Ærø—" + i : "\"rows\":[]} " + i,
                    "F", i % 3 == 0 ? null : "W40", "CH", Map.of("club", "LC Zürich", "rows", "[]}"), null,
                    "3:0" + i % 10 + ":1" + i % 10, 10_800_000L + i, i == 0 ? "" : "+0:0" + i % 10, 0));
        }
        ResultViews.RankingPage page = new ResultViews.RankingPage("overall", "", List.of("", "F", "M"), 42, 10_879,
                3, 50, rows);
        ResultViews.RankingPage heading = new ResultViews.RankingPage("overall", "", List.of("", "F", "M"), 42,
                10_879, 3, 50, List.of());

        byte[] put = ResultBodies.withRows(json.writeValueAsBytes(heading), json.writeValueAsBytes(rows));

        assertThat(new String(put, java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo(new String(json.writeValueAsBytes(page), java.nio.charset.StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"rows\":[1]}", "{}", "", "{\"rows\":[]"})
    void aHeadingThatDoesNotEndWithEmptyRowsIsRefused(String heading) {
        assertThatThrownBy(() -> ResultBodies.withRows(heading.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "[]".getBytes(java.nio.charset.StandardCharsets.UTF_8))).isInstanceOf(IllegalStateException.class);
    }
}
