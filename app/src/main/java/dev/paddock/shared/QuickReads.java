package dev.paddock.shared;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Serves the {@link QuickRead}s: an anonymous GET or HEAD whose path starts with a read's prefix and that
 * the read can answer from memory is written at once, with its ETag, {@code Cache-Control}, a 304 when the
 * client already has it, and the headers the security chain would have added to a public answer. Everything
 * else goes on down the filter chain untouched: writes, requests with a bearer token, and pages asked for
 * with a session (whose layout shows the signed-in account).
 */
public class QuickReads extends OncePerRequestFilter {

    private final List<QuickRead> reads;
    private final Counter served;
    private final Counter notModified;

    public QuickReads(List<QuickRead> reads, MeterRegistry meters) {
        this.reads = List.copyOf(reads);
        this.served = Counter.builder("paddock.quick.reads").tag("outcome", "served")
                .description("Anonymous reads answered from memory ahead of Spring MVC").register(meters);
        this.notModified = Counter.builder("paddock.quick.reads").tag("outcome", "not-modified")
                .description("Anonymous reads answered from memory ahead of Spring MVC").register(meters);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String method = request.getMethod();
        return !("GET".equals(method) || "HEAD".equals(method)) || request.getHeader("Authorization") != null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getAttribute(TRIED) != null || !serve(request, response)) {
            chain.doFilter(request, response);
        }
    }

    /** Request attribute: the request was offered to the reads already (by {@link QuickReadsValve}). */
    static final String TRIED = QuickReads.class.getName() + ".tried";

    /**
     * Answers the request from memory if a read can; false (nothing written) for the usual way. The filter calls it,
     * or, in front of the filter chain, {@link QuickReadsValve}, which marks the request so that the filter does not
     * ask again.
     */
    boolean serve(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (shouldNotFilter(request)) {
            return false;
        }
        request.setAttribute(TRIED, Boolean.TRUE);
        QuickAnswer answer = answer(request, response);
        if (answer == null || answer.contentType().startsWith("text/html") && request.getRequestedSessionId() != null) {
            return false;
        }
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        if (answer.etag() != null) {
            response.setHeader("ETag", answer.etag());
        }
        if (answer.cacheControl() != null) {
            response.setHeader("Cache-Control", answer.cacheControl());
        }
        if (answer.status() == 200 && answer.matches(request.getHeader("If-None-Match"))) {
            notModified.increment();
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return true;
        }
        if (answer.contentType().startsWith("text/html")) {
            response.setHeader("Vary", "Cookie, Accept-Language");
        }
        if (answer.status() == HttpServletResponse.SC_SERVICE_UNAVAILABLE) {
            // a read shedding load: the client may try again in a second
            response.setHeader("Retry-After", "1");
        }
        served.increment();
        response.setStatus(answer.status());
        response.setContentType(answer.contentType());
        response.setContentLength(answer.body().length);
        if (!"HEAD".equals(request.getMethod())) {
            response.getOutputStream().write(answer.body());
        }
        return true;
    }

    private QuickAnswer answer(HttpServletRequest request, HttpServletResponse response) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        for (QuickRead read : reads) {
            if (path.startsWith(read.prefix())) {
                QuickAnswer answer = read.answer(request, response);
                if (answer != null) {
                    return answer;
                }
            }
        }
        return null;
    }
}
