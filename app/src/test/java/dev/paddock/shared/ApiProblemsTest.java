package dev.paddock.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

class ApiProblemsTest {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    record Bet(String requestId, Long stake, Formulation formulation) {
    }

    record Formulation(List<Integer> runners) {
    }

    static Stream<Arguments> bodies() {
        return Stream.of(
                Arguments.of("{\"colour\":\"red\"}", 400, "validation", "colour", "unknown"),
                Arguments.of("{\"formulation\":{\"legs\":[]}}", 400, "validation", "formulation.legs", "unknown"),
                Arguments.of("{\"stake\":\"much\"}", 400, "validation", "stake", "type"),
                Arguments.of("{\"formulation\":{\"runners\":[1,\"x\"]}}", 400, "validation", "formulation.runners[1]", "type"),
                Arguments.of("{\"requestId\":", 400, "malformed-json", null, null),
                Arguments.of("", 400, "malformed-json", null, null),
                Arguments.of("[1]", 400, "malformed-json", null, null));
    }

    @ParameterizedTest
    @MethodSource("bodies")
    void aBodyJacksonCannotReadNamesTheFieldAsTheClientSentIt(String body, int status, String slug, String field,
            String code) {
        Throwable error = catchThrowable(() -> JSON.readValue(body, Bet.class));
        assertThat(error).as("Jackson refuses %s", body).isNotNull();

        ProblemException problem = ApiProblems.unreadable(new RuntimeException("wrapped", error));

        assertThat(problem.status().value()).isEqualTo(status);
        assertThat(problem.slug()).isEqualTo(slug);
        if (field == null) {
            assertThat(problem.fieldProblems()).isEmpty();
        } else {
            assertThat(problem.fieldProblems()).singleElement().satisfies(f -> {
                assertThat(f.field()).isEqualTo(field);
                assertThat(f.code()).isEqualTo(code);
            });
        }
    }

    static Stream<Arguments> exceptions() {
        return Stream.of(
                Arguments.of(new IllegalArgumentException("No runner 0"), 400, "bad-request", "No runner 0"),
                Arguments.of(new CannotGetJdbcConnectionException("pool empty"), 503, "overloaded", ApiProblems.AT_CAPACITY),
                Arguments.of(new CannotCreateTransactionException("pool empty"), 503, "overloaded", ApiProblems.AT_CAPACITY),
                Arguments.of(new CompletionException(new CannotGetJdbcConnectionException("pool empty")), 503,
                        "overloaded", ApiProblems.AT_CAPACITY),
                Arguments.of(new IllegalStateException("boom"), 500, "internal",
                        "Something went wrong on our side; nothing was changed by this request."));
    }

    @ParameterizedTest
    @MethodSource("exceptions")
    void anUnexpectedExceptionIsWordedWithoutRevealingItsInsides(Exception e, int status, String slug, String detail) {
        ProblemException problem = ApiProblems.unexpected(e, "uri=/api/test");

        assertThat(problem.status().value()).isEqualTo(status);
        assertThat(problem.slug()).isEqualTo(slug);
        assertThat(problem.getMessage()).isEqualTo(detail);
    }

    @Test
    void theBodyCarriesTypeTitleStatusDetailAndTheOffendingFields() {
        ProblemDetail body = ApiProblems.body(ProblemException.field("stake", "multiple", "not a multiple of 50"));

        assertThat(body.getType()).isEqualTo(URI.create(ProblemException.TYPE_BASE + "validation"));
        assertThat(body.getTitle()).isEqualTo("Validation");
        assertThat(body.getStatus()).isEqualTo(400);
        assertThat(body.getDetail()).isEqualTo("not a multiple of 50");
        assertThat(body.getProperties()).containsEntry("errors",
                List.of(new ProblemException.FieldProblem("stake", "multiple", "not a multiple of 50")));

        ProblemDetail closed = ApiProblems.body(ProblemException.of(org.springframework.http.HttpStatus.CONFLICT,
                "race-closed", "closed"));
        assertThat(closed.getTitle()).isEqualTo("Race closed");
        assertThat(closed.getProperties()).isNull();
    }
}
