package dev.paddock.shared;

import java.net.URI;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns every error of a REST controller into RFC 9457 problem+json with a stable {@code type}, a human
 * {@code detail} and, for bad input, an {@code errors} list naming each offending field. Unknown or
 * malformed JSON is a 400, never a 500.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<Object> problem(ProblemException e, WebRequest request) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
        body.setType(e.type());
        body.setTitle(title(e.slug()));
        if (!e.fieldProblems().isEmpty()) {
            body.setProperty("errors", e.fieldProblems());
        }
        return handleExceptionInternal(e, body, new HttpHeaders(), e.status(), request);
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Object> illegalArgument(IllegalArgumentException e, WebRequest request) {
        return problem(ProblemException.of(HttpStatus.BAD_REQUEST, "bad-request", e.getMessage()), request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException e, WebRequest request) {
        return problem(ProblemException.field(e.getName(), "type",
                "'" + e.getValue() + "' is not a valid value for " + e.getName()), request);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> denied(AccessDeniedException e, WebRequest request) {
        return problem(ProblemException.of(HttpStatus.FORBIDDEN, "forbidden",
                "You do not have the role this operation needs."), request);
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<Object> unauthenticated(AuthenticationException e, WebRequest request) {
        return problem(ProblemException.of(HttpStatus.UNAUTHORIZED, "unauthorized", e.getMessage()), request);
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<Object> conflict(OptimisticLockingFailureException e, WebRequest request) {
        return problem(ProblemException.of(HttpStatus.CONFLICT, "conflict",
                "The resource changed while you were editing it; reload and try again."), request);
    }

    /**
     * No database connection within the pool's timeout: the node is saturated. A 503 with Retry-After tells
     * clients and load balancers to back off; nothing was written, so a retry with the same idempotency key
     * is safe.
     */
    @ExceptionHandler({CannotGetJdbcConnectionException.class, CannotCreateTransactionException.class})
    ResponseEntity<Object> overloaded(Exception e, WebRequest request) {
        log.warn("Refused {}: no database connection available ({})", request.getDescription(false), e.getMessage());
        ResponseEntity<Object> response = problem(ProblemException.of(HttpStatus.SERVICE_UNAVAILABLE, "overloaded",
                "Paddock is at capacity right now; nothing was changed. Retry in a moment with the same"
                        + " idempotency key."), request);
        return ResponseEntity.status(response.getStatusCode()).headers(response.getHeaders())
                .header(HttpHeaders.RETRY_AFTER, "1").body(response.getBody());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e, WebRequest request) {
        // a saturated pool seen through a wrapper (a CompletionException from an asynchronous step) is still a 503
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof CannotGetJdbcConnectionException || cause instanceof CannotCreateTransactionException) {
                return overloaded((Exception) cause, request);
            }
        }
        log.error("Unexpected error on {}", request.getDescription(false), e);
        return problem(ProblemException.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal",
                "Something went wrong on our side; nothing was changed by this request."), request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return problem(validation(e.getBindingResult()), request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<ProblemException.FieldProblem> fields = e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream().map(error -> new ProblemException.FieldProblem(
                        result.getMethodParameter().getParameterName(),
                        error.getCodes() == null || error.getCodes().length == 0 ? "invalid" : lastCode(error.getCodes()),
                        error.getDefaultMessage())))
                .toList();
        return problem(new ProblemException(HttpStatus.BAD_REQUEST, "validation", summary(fields), fields), request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnrecognizedPropertyException unknown) {
                String field = path(unknown);
                return problem(ProblemException.field(field, "unknown",
                        "Unknown field '" + field + "'; this endpoint does not accept it."), request);
            }
            // The innermost cause may be a DateTimeParseException or the like; the field is on the Jackson one.
            if (cause instanceof JacksonException json && !json.getPath().isEmpty()) {
                String field = path(json);
                return problem(ProblemException.field(field, "type",
                        "Field '" + field + "' has a value of the wrong type."), request);
            }
        }
        return problem(ProblemException.of(HttpStatus.BAD_REQUEST, "malformed-json",
                "The request body is missing or is not valid JSON."), request);
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        if (body instanceof ProblemDetail problem
                && (problem.getType() == null || URI.create("about:blank").equals(problem.getType()))) {
            HttpStatus known = HttpStatus.resolve(status.value());
            problem.setType(URI.create(ProblemException.TYPE_BASE
                    + (known != null ? ProblemException.slugOf(known) : "http-" + status.value())));
        }
        return super.createResponseEntity(body, headers, status, request);
    }

    static ProblemException validation(BindingResult result) {
        List<ProblemException.FieldProblem> fields = result.getFieldErrors().stream()
                .map(error -> new ProblemException.FieldProblem(error.getField(),
                        error.getCode() == null ? "invalid" : error.getCode(), error.getDefaultMessage()))
                .toList();
        return new ProblemException(HttpStatus.BAD_REQUEST, "validation", summary(fields), fields);
    }

    private static String summary(List<ProblemException.FieldProblem> fields) {
        return fields.isEmpty() ? "The request is invalid."
                : "Invalid input: " + fields.stream().map(f -> f.field() + " " + f.message())
                        .collect(Collectors.joining("; "));
    }

    private static String lastCode(String[] codes) {
        String code = codes[codes.length - 1];
        return code.substring(code.lastIndexOf('.') + 1);
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
