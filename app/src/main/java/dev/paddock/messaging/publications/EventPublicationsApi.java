package dev.paddock.messaging.publications;

import dev.paddock.shared.ProblemException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.modulith.events.EventPublication.Status;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Operators' view of the event publication registry over the API (JWT with role OPERATOR or ADMIN). */
@RestController
@RequestMapping("/api/ops/event-publications")
@PreAuthorize("hasAnyRole('OPERATOR','ADMIN')")
class EventPublicationsApi {

    static final int MAX_LIMIT = 500;

    private final Publications publications;
    private final PublicationRetry retry;

    EventPublicationsApi(Publications publications, PublicationRetry retry) {
        this.publications = publications;
        this.retry = retry;
    }

    /** {@code ?status=incomplete|published|processing|failed|resubmitted|completed|recovered&limit=1..500}. */
    @GetMapping
    Listing list(@RequestParam(defaultValue = "incomplete") String status,
            @RequestParam(defaultValue = "100") int limit) {
        PublicationQuery query = PublicationQuery.parse(status);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ProblemException.field("limit", "range", "limit must be between 1 and " + MAX_LIMIT + ".");
        }
        return new Listing(query.parameter(), publications.countByStatus(), publications.find(query, null, limit));
    }

    /** Hands every failed publication back to its listener now, whatever its age and attempts. */
    @PostMapping("/resubmissions")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Resubmission resubmit() {
        return new Resubmission(retry.resubmitAllFailed());
    }

    record Listing(String status, Map<Status, Long> counts, List<PublicationView> publications) {
    }

    record Resubmission(int resubmitted) {
    }
}
