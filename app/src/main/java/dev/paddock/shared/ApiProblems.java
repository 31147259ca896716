package dev.paddock.shared;

import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * How the API words its problems: used by the REST controllers' exception handler and by the hot paths that
 * answer ahead of Spring MVC (the tote's bet lane), so both give the same answer to the same mistake.
 */
public final class ApiProblems {

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

    static final String AT_CAPACITY = "Paddock is at capacity right now; nothing was changed. Retry in a moment"
            + " with the same idempotency key.";

    private ApiProblems() {
    }

    /** The RFC 9457 body of a problem: type, title, status, detail and, for bad input, the offending fields. */
    public static ProblemDetail body(ProblemException e) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
        body.setType(e.type());
        body.setTitle(title(e.slug()));
        if (!e.fieldProblems().isEmpty()) {
            body.setProperty("errors", e.fieldProblems());
        }
        return body;
    }

    /**
     * A request body Jackson could not read: an unknown field, a value of the wrong type (named by its path as
     * the client sent it), or no JSON at all. {@code e} may be the Jackson exception or any wrapper of it.
     */
    public static ProblemException unreadable(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnrecognizedPropertyException unknown) {
                String field = path(unknown);
                return ProblemException.field(field, "unknown",
                        "Unknown field '" + field + "'; this endpoint does not accept it.");
            }
            // The innermost cause may be a DateTimeParseException or the like; the field is on the Jackson one.
            if (cause instanceof JacksonException json && !json.getPath().isEmpty()) {
                String field = path(json);
                return ProblemException.field(field, "type", "Field '" + field + "' has a value of the wrong type.");
            }
        }
        return ProblemException.of(HttpStatus.BAD_REQUEST, "malformed-json",
                "The request body is missing or is not valid JSON.");
    }

    /** The node ran out of database connections: 503 {@code overloaded}, to be sent with {@code Retry-After}. */
    public static ProblemException atCapacity() {
        return ProblemException.of(HttpStatus.SERVICE_UNAVAILABLE, "overloaded", AT_CAPACITY);
    }

    /**
     * An exception no rule turned into a problem: an {@link IllegalArgumentException} is a 400
     * {@code bad-request} with its message; a saturated connection pool (possibly behind an asynchronous step's
     * wrapper) is 503 {@code overloaded}; anything else is logged and is a 500 that reveals nothing.
     *
     * @param where what the request was, for the log
     */
    public static ProblemException unexpected(Throwable e, String where) {
        if (e instanceof IllegalArgumentException illegal) {
            return ProblemException.of(HttpStatus.BAD_REQUEST, "bad-request", illegal.getMessage());
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (saturated(cause)) {
                log.warn("Refused {}: no database connection available ({})", where, cause.getMessage());
                return atCapacity();
            }
        }
        log.error("Unexpected error on {}", where, e);
        return ProblemException.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal",
                "Something went wrong on our side; nothing was changed by this request.");
    }

    static boolean saturated(Throwable e) {
        return e instanceof CannotGetJdbcConnectionException || e instanceof CannotCreateTransactionException;
    }

    private static String path(JacksonException e) {
        return e.getPath().stream()
                .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String title(String slug) {
        String words = slug.replace('-', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
