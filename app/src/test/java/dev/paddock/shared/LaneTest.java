package dev.paddock.shared;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** A lane behind its doors, as the lanes' valve runs it: the outermost door first, the answer inside the last one. */
class LaneTest {

    @ParameterizedTest(name = "{0} {1} with {2} place(s): status {3}, steps {4}")
    @CsvSource(delimiter = '|', value = {
            "POST | /bets | 1 | 201 | outer>inner>answer>inner<",
            "POST | /bets | 0 | 503 | outer>",
            "GET  | /bets | 1 |     | ''",
            "POST | /odds | 1 |     | ''",
    })
    void aLaneTakesItsRequestsAndAnswersThemInsideItsDoors(String method, String path, int places, Integer status,
            String steps) throws Exception {
        List<String> seen = new ArrayList<>();
        Admission outer = new Admission(request -> true, places, "lane.test.shed", "Busy.", new SimpleMeterRegistry());
        Lane.Door inner = (request, response, next) -> {
            seen.add("inner>");
            next.serve(request, response);
            seen.add("inner<");
        };
        Lane lane = Lane.of(request -> "POST".equals(request.getMethod()) && "/bets".equals(request.getRequestURI()),
                (request, response) -> {
                    seen.add("answer>");
                    response.setStatus(201);
                }).inside(inner).inside((request, response, next) -> {
                    seen.add("outer>");
                    outer.enter(request, response, next);
                });
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        MockHttpServletResponse response = new MockHttpServletResponse();

        boolean takes = lane.takes(request);
        if (takes) {
            lane.serve(request, response);
        }

        assertThat(takes).isEqualTo(status != null);
        assertThat(String.join("", seen)).isEqualTo(steps);
        if (takes) {
            assertThat(response.getStatus()).isEqualTo(status);
        }
    }
}
