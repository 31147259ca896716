package dev.paddock.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class ProblemExceptionTest {

    @Test
    void aProblemIsAnAnswerWithoutAStackTrace() {
        ProblemException problem = ProblemException.of(HttpStatus.CONFLICT, "race-full", "The race is full.");

        assertThat(problem.getStackTrace()).isEmpty();
        assertThat(problem.getMessage()).isEqualTo("The race is full.");
        assertThat(problem.type()).hasToString("https://paddock.dev/problems/race-full");
    }

    @Test
    void aSubclassIsStacklessToo() {
        ProblemException problem = new ProblemException(HttpStatus.BAD_REQUEST, "validation", "Invalid input") {
        };

        assertThat(problem.getStackTrace()).isEmpty();
        problem.addSuppressed(new IllegalStateException("ignored"));
        assertThat(problem.getSuppressed()).isEmpty();
    }
}
