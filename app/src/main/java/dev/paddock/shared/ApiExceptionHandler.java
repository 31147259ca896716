package dev.paddock.shared;

import java.net.URI;
import java.util.List;
import java.util.stream.Collectors;
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

/**
 * Turns every error of a REST controller into RFC 9457 problem+json with a stable {@code type}, a human
 * {@code detail} and, for bad input, an {@code errors} list naming each offending field. Unknown or
 * malformed JSON is a 400, never a 500.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<Object> problem(ProblemException e, WebRequest request) {
        return handleExceptionInternal(e, ApiProblems.body(e), new HttpHeaders(), e.status(), request);
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Object> illegalArgument(IllegalArgumentException e, WebRequest request) {
        return problem(ApiProblems.unexpected(e, request.getDescription(false)), request);
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
        return retryLater(ApiProblems.unexpected(e, request.getDescription(false)), request);
    }

    /** A saturated pool seen through a wrapper (a CompletionException from an asynchronous step) is still a 503. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e, WebRequest request) {
        ProblemException problem = ApiProblems.unexpected(e, request.getDescription(false));
        return problem.status() == HttpStatus.SERVICE_UNAVAILABLE ? retryLater(problem, request)
                : problem(problem, request);
    }

    /**
     * No database connection within the pool's timeout: the node is saturated. A 503 with Retry-After tells
     * clients and load balancers to back off; nothing was written, so a retry with the same idempotency key
     * is safe.
     */
    private ResponseEntity<Object> retryLater(ProblemException problem, WebRequest request) {
        ResponseEntity<Object> response = problem(problem, request);
        return ResponseEntity.status(response.getStatusCode()).headers(response.getHeaders())
                .header(HttpHeaders.RETRY_AFTER, "1").body(response.getBody());
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
        return problem(ApiProblems.unreadable(e), request);
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
}
