package dev.paddock.shared;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.CacheControlHeadersWriter;
import org.springframework.security.web.header.writers.HstsHeaderWriter;
import org.springframework.security.web.header.writers.XContentTypeOptionsHeaderWriter;
import org.springframework.security.web.header.writers.XXssProtectionHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter;
import tools.jackson.databind.ObjectWriter;

/**
 * What a hot API path served ahead of Spring Security and Spring MVC (a lane) needs to answer as they do: which
 * requests it may take (a bearer token as the {@code /api} chain reads it, a JSON body, an {@code Accept} that takes
 * JSON), the headers the chain adds to every API answer, and the problem+json answer with its {@code instance},
 * {@code WWW-Authenticate} and {@code Retry-After}. Anything a lane would not answer the same way must go on down
 * the chain.
 */
public final class ApiLane {

    private static final String BEARER = "Bearer ";
    private static final MediaType JSON_FLAVOURS = new MediaType("application", "*+json");
    /** What the security chain's header writer adds to every API answer. */
    private static final List<HeaderWriter> SECURITY_HEADERS = List.of(new XContentTypeOptionsHeaderWriter(),
            new XXssProtectionHeaderWriter(), new CacheControlHeadersWriter(), new HstsHeaderWriter(),
            new XFrameOptionsHeaderWriter(XFrameOptionsHeaderWriter.XFrameOptionsMode.DENY));

    private ApiLane() {
    }

    /**
     * The token of an {@code Authorization: Bearer <token>} header as the security chain reads it (the scheme in
     * any case, one space, the token's characters of RFC 6750); null for anything else.
     */
    public static String bearer(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null || authorization.length() <= BEARER.length()
                || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        int end = authorization.length();
        while (end > BEARER.length() && authorization.charAt(end - 1) == '=') {
            end--;
        }
        if (end == BEARER.length()) {
            return null;
        }
        for (int i = BEARER.length(); i < end; i++) {
            char c = authorization.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.'
                    || c == '_' || c == '~' || c == '+' || c == '/')) {
                return null;
            }
        }
        return authorization.substring(BEARER.length());
    }

    /** A request a lane may take: a bearer token, a declared JSON body and an answer in JSON accepted. */
    public static boolean takes(HttpServletRequest request) {
        return bearer(request) != null && json(request.getContentType())
                && acceptsJson(request.getHeader(HttpHeaders.ACCEPT));
    }

    /** No Accept header, or one that takes application/json: then Spring MVC would answer JSON too. */
    public static boolean acceptsJson(String accept) {
        if (accept == null || accept.equals(MediaType.APPLICATION_JSON_VALUE) || accept.equals(MediaType.ALL_VALUE)) {
            return true;
        }
        try {
            for (MediaType type : MediaType.parseMediaTypes(accept)) {
                if (type.includes(MediaType.APPLICATION_JSON) && type.getQualityValue() > 0) {
                    return true;
                }
            }
            return false;
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    /** application/json or application/*+json, with any parameters: what Spring MVC's JSON converter reads. */
    public static boolean json(String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return MediaType.APPLICATION_JSON.includes(type) || JSON_FLAVOURS.includes(type);
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    /** The headers the {@code /api} security chain writes on every answer. */
    public static void securityHeaders(HttpServletRequest request, HttpServletResponse response) {
        for (HeaderWriter writer : SECURITY_HEADERS) {
            writer.writeHeaders(request, response);
        }
    }

    /**
     * A problem as the API's handlers answer it: {@code instance} the request's path, {@code WWW-Authenticate:
     * Bearer} on a 401, {@code Retry-After: 1} on a 503 overloaded.
     */
    public static void problem(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem,
            ObjectWriter json) throws IOException {
        byte[] body = problemBytes(request.getRequestURI(), problem, json);
        if (problem.getStatus() == HttpStatus.UNAUTHORIZED.value()) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        if (problem.getStatus() == HttpStatus.SERVICE_UNAVAILABLE.value()
                && URI.create(ProblemException.TYPE_BASE + "overloaded").equals(problem.getType())) {
            response.setHeader(HttpHeaders.RETRY_AFTER, "1");
        }
        write(response, problem.getStatus(), MediaType.APPLICATION_PROBLEM_JSON_VALUE, body);
    }

    /** A problem's problem+json bytes as {@link #problem} writes them, its {@code instance} the request's path. */
    public static byte[] problemBytes(String path, ProblemDetail problem, ObjectWriter json) {
        problem.setInstance(URI.create(path));
        return json.writeValueAsBytes(problem);
    }

    /** The answer's bytes with their status and content type. */
    public static void write(HttpServletResponse response, int status, String contentType, byte[] bytes)
            throws IOException {
        response.setStatus(status);
        response.setContentType(contentType);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
