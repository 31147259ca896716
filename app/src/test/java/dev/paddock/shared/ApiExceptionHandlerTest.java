package dev.paddock.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.context.request.ServletWebRequest;

class ApiExceptionHandlerTest {

    private final ApiExceptionHandler handler = new ApiExceptionHandler();
    private final ServletWebRequest request = new ServletWebRequest(
            new MockHttpServletRequest("POST", "/api/wallet/deposits"));

    @Test
    void aSaturatedConnectionPoolIsA503WithRetryAfterNotA500() {
        for (Exception saturated : new Exception[] {new CannotGetJdbcConnectionException("pool empty"),
                new CannotCreateTransactionException("pool empty")}) {
            ResponseEntity<Object> response = handler.overloaded(saturated, request);

            assertThat(response.getStatusCode().value()).isEqualTo(503);
            assertThat(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
            assertThat(((ProblemDetail) response.getBody()).getType())
                    .isEqualTo(URI.create(ProblemException.TYPE_BASE + "overloaded"));
        }
    }

    @Test
    void aSaturatedPoolBehindAnAsynchronousStepIsStillA503() {
        ResponseEntity<Object> response = handler.unexpected(
                new CompletionException(new CannotGetJdbcConnectionException("pool empty")), request);

        assertThat(response.getStatusCode().value()).isEqualTo(503);
        assertThat(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
    }

    @Test
    void anUnexpectedErrorIsA500ThatSaysNothingWasChanged() {
        ResponseEntity<Object> response = handler.unexpected(new IllegalStateException("boom"), request);

        assertThat(response.getStatusCode().value()).isEqualTo(500);
        ProblemDetail problem = (ProblemDetail) response.getBody();
        assertThat(problem.getType()).isEqualTo(URI.create(ProblemException.TYPE_BASE + "internal"));
        assertThat(problem.getDetail()).doesNotContain("boom");
    }

    @Test
    void aRuleRefusalKeepsItsSlugStatusAndFields() {
        ResponseEntity<Object> response = handler.problem(ProblemException.field("amount", "positive", "too small"),
                request);

        ProblemDetail problem = (ProblemDetail) response.getBody();
        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(problem.getType()).isEqualTo(URI.create(ProblemException.TYPE_BASE + "validation"));
        assertThat(problem.getProperties()).containsKey("errors");
    }
}
