package dev.paddock.shared;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Semaphore;
import java.util.function.Predicate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sheds a hot path's requests at the door when too many are already in the node: past {@code maxInFlight}
 * being handled, a new one is answered 503 {@code overloaded} with {@code Retry-After: 1} at once, before
 * authentication, JSON parsing or the database (nothing is stored, so a retry with the same request id is
 * safe). Without it, a rush admits every request and all of them wait together for CPU and connections until
 * clients time out, and each waiting request holds its buffers (an opening rush of 20,000 registrations ran
 * a 1 GB heap out of memory that way).
 */
public class Admission extends OncePerRequestFilter implements Lane.Door {

    private final Predicate<HttpServletRequest> guarded;
    private final Semaphore inFlight;
    private final Counter shed;
    private final byte[] overloaded;

    /**
     * @param metric counter of refused requests, e.g. {@code paddock.tote.bet.shed}
     * @param detail what the refusal says, e.g. "Too many bets are being taken right now; nothing was stored."
     */
    public Admission(Predicate<HttpServletRequest> guarded, int maxInFlight, String metric, String detail,
            MeterRegistry meters) {
        this.guarded = guarded;
        this.inFlight = new Semaphore(maxInFlight);
        this.shed = Counter.builder(metric).description("Requests refused 503 overloaded at the door (max-in-flight reached)")
                .register(meters);
        this.overloaded = ("{\"type\":\"" + ProblemException.TYPE_BASE + "overloaded\",\"title\":\"Overloaded\","
                + "\"status\":503,\"detail\":\"" + detail.replace("\"", "'") + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !guarded.test(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        enter(request, response, chain::doFilter);
    }

    /** The door itself, as a filter or ahead of the filter chain in front of a {@link Lane} ({@link Lane#inside}). */
    @Override
    public void enter(HttpServletRequest request, HttpServletResponse response, Lane.Answer next)
            throws IOException, ServletException {
        if (!inFlight.tryAcquire()) {
            shed.increment();
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            response.setHeader(HttpHeaders.RETRY_AFTER, "1");
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setContentLength(overloaded.length);
            response.getOutputStream().write(overloaded);
            return;
        }
        try {
            next.serve(request, response);
        } finally {
            inFlight.release();
        }
    }
}
