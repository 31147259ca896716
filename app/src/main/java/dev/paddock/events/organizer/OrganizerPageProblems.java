package dev.paddock.events.organizer;

import dev.paddock.shared.ProblemException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * A refused page request (not the organizer's event, no such event) goes to the site's error page with
 * its status, as any other page error does.
 */
@ControllerAdvice(assignableTypes = {DashboardPageController.class, ParticipantPageController.class,
        BibPageController.class})
class OrganizerPageProblems {

    @ExceptionHandler(ProblemException.class)
    void refused(ProblemException problem, HttpServletResponse response) throws IOException {
        response.sendError(problem.status().value(), problem.getMessage());
    }
}
