package dev.paddock.shared;

import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * A business rule refused a request. The API turns it into an RFC 9457 problem with a stable
 * {@code type} ({@code https://paddock.dev/problems/<slug>}), the status and a human detail; web pages
 * show the detail next to the form. Modules subclass it or call {@link #of}.
 * <p>
 * It carries no stack trace: it is an answer, not a fault (the slug says where it comes from), and an opening
 * rush refuses thousands a second (filling each one's stack trace cost 0.7% of the machine at the peak, perf,
 * session 14). An unexpected error turned into a problem is logged with its own trace first
 * ({@link ApiProblems#unexpected}).
 */
public class ProblemException extends RuntimeException {

    public static final String TYPE_BASE = "https://paddock.dev/problems/";

    private final HttpStatus status;
    private final String slug;
    private final List<FieldProblem> fieldProblems;

    public ProblemException(HttpStatus status, String slug, String detail, List<FieldProblem> fieldProblems) {
        super(detail, null, false, false);
        this.status = status;
        this.slug = slug;
        this.fieldProblems = List.copyOf(fieldProblems);
    }

    public ProblemException(HttpStatus status, String slug, String detail) {
        this(status, slug, detail, List.of());
    }

    public static ProblemException of(HttpStatus status, String slug, String detail) {
        return new ProblemException(status, slug, detail);
    }

    /** A 400 about one input field, named as the client sent it. */
    public static ProblemException field(String field, String code, String message) {
        return new ProblemException(HttpStatus.BAD_REQUEST, "validation", message,
                List.of(new FieldProblem(field, code, message)));
    }

    /** A 400 validation problem naming each offending field. */
    public static ProblemException invalid(List<FieldProblem> problems) {
        return new ProblemException(HttpStatus.BAD_REQUEST, "validation", "Invalid input: " + problems.stream()
                .map(p -> p.field() + " " + p.message()).collect(java.util.stream.Collectors.joining("; ")), problems);
    }

    /** The slug of a problem that only has an HTTP status: "Method Not Allowed" is "method-not-allowed". */
    public static String slugOf(HttpStatus status) {
        return status.getReasonPhrase().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }

    public HttpStatus status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public URI type() {
        return URI.create(TYPE_BASE + slug);
    }

    public List<FieldProblem> fieldProblems() {
        return fieldProblems;
    }

    /** One offending input field: its name as the client sent it, a stable code and a message. */
    public record FieldProblem(String field, String code, String message) {
    }
}
