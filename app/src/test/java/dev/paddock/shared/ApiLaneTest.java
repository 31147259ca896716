package dev.paddock.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.mock.web.MockHttpServletRequest;

/** Which requests a lane may take: read as the {@code /api} security chain and Spring MVC read them. */
class ApiLaneTest {

    @ParameterizedTest(name = "[{0}] -> [{1}]")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "Bearer abc.def.ghi              | abc.def.ghi",
            "bearer abc.def.ghi              | abc.def.ghi",
            "BEARER abc-_~+/.9               | abc-_~+/.9",
            "Bearer abc==                    | abc==",
            "Bearer ==                       | NULL",
            "Bearer                          | NULL",
            "Bearer  abc                     | NULL",
            "Bearer abc def                  | NULL",
            "Bearer abc=d                    | NULL",
            "Bearer abc%                     | NULL",
            "Basic dXNlcjpwYXNz              | NULL",
            "Bearerabc                       | NULL",
            "NULL                            | NULL"})
    void readsTheBearerTokenAsTheSecurityChainDoes(String authorization, String token) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/x");
        if (authorization != null) {
            // CsvSource trims; the cases with inner spaces keep them
            request.addHeader("Authorization", authorization);
        }
        assertThat(ApiLane.bearer(request)).isEqualTo(token);
    }

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "application/json                          | true",
            "application/json; charset=UTF-8           | true",
            "application/vnd.paddock+json              | true",
            "application/problem+json; charset=utf-8   | true",
            "text/plain                                | false",
            "application/xml                           | false",
            "application/x-www-form-urlencoded         | false",
            "not a type                                | false",
            "NULL                                      | false"})
    void takesTheBodiesSpringMvcReadsAsJson(String contentType, boolean json) {
        assertThat(ApiLane.json(contentType)).isEqualTo(json);
    }

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "NULL                                 | true",
            "application/json                     | true",
            "*/*                                  | true",
            "application/*                        | true",
            "text/html, application/json;q=0.9    | true",
            "application/json;q=0                 | false",
            "application/xml                      | false",
            "text/html                            | false",
            "nonsense;;                           | false"})
    void takesTheAcceptHeadersThatTakeJson(String accept, boolean takes) {
        assertThat(ApiLane.acceptsJson(accept)).isEqualTo(takes);
    }
}
