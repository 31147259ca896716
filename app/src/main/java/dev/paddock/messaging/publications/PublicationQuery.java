package dev.paddock.messaging.publications;

import dev.paddock.shared.ProblemException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Which publications an operator asks for: {@code ?status=} of the API, one of these words. */
enum PublicationQuery {

    /** Everything not completed yet: published, processing, failed or being resubmitted. */
    INCOMPLETE("completion_date is null or coalesce(status, 'PUBLISHED') <> 'COMPLETED'"),
    PUBLISHED("coalesce(status, 'PUBLISHED') = 'PUBLISHED' and completion_date is null"),
    PROCESSING("status = 'PROCESSING'"),
    FAILED("status = 'FAILED'"),
    RESUBMITTED("status = 'RESUBMITTED'"),
    COMPLETED("completion_date is not null and coalesce(status, 'COMPLETED') = 'COMPLETED'"),
    /** Completed, but only after at least one failure: the listeners that needed the retry job. */
    RECOVERED("completion_date is not null and coalesce(status, 'COMPLETED') = 'COMPLETED'"
            + " and completion_attempts > 1");

    private final String where;

    PublicationQuery(String where) {
        this.where = where;
    }

    String where() {
        return where;
    }

    static PublicationQuery parse(String value) {
        return Arrays.stream(values()).filter(q -> q.name().equalsIgnoreCase(value == null ? "" : value.trim()))
                .findFirst()
                .orElseThrow(() -> ProblemException.field("status", "invalid",
                        "status must be one of " + Arrays.stream(values()).map(PublicationQuery::parameter)
                                .collect(Collectors.joining(", ")) + "."));
    }

    String parameter() {
        return name().toLowerCase(Locale.ROOT);
    }
}
