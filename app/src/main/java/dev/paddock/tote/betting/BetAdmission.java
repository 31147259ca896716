package dev.paddock.tote.betting;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Semaphore;
import dev.paddock.shared.ProblemException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sheds bet requests at the door when too many are already in the node: past {@code max-in-flight}
 * {@code POST /api/tote/bets} being handled, a new one is answered 503 {@code overloaded} with Retry-After at
 * once, before authentication, JSON parsing or the writer (nothing is stored, so a retry with the same
 * requestId is safe).
 * <p>
 * Why: every request admitted past the node's capacity waits for CPU like all the others, so without a
 * limit all latencies grow together until clients time out and reconnect (the collapse measured at 1,700-2,000
 * bets/s). With the limit, an admitted bet waits for at most about {@code max-in-flight} others, and the
 * excess costs only the cheap refusal. The writer's own queue limit stays as the second line, for bets that
 * do not come over HTTP.
 */
final class BetAdmission extends OncePerRequestFilter {

    static final String PATH = "/api/tote/bets";

    private static final byte[] OVERLOADED = ("{\"type\":\"" + ProblemException.TYPE_BASE + "overloaded\","
            + "\"title\":\"Overloaded\",\"status\":503,\"detail\":\"Too many bets are being taken right now;"
            + " nothing was stored. Retry in a moment with the same requestId.\"}").getBytes(StandardCharsets.UTF_8);

    private final Semaphore inFlight;
    private final Counter shed;

    BetAdmission(int maxInFlight, MeterRegistry meters) {
        this.inFlight = new Semaphore(maxInFlight);
        this.shed = Counter.builder("paddock.tote.bet.shed")
                .description("Bet requests refused 503 overloaded at the door (max-in-flight reached)")
                .register(meters);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod()) && PATH.equals(request.getRequestURI()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!inFlight.tryAcquire()) {
            shed.increment();
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            response.setHeader(HttpHeaders.RETRY_AFTER, "1");
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setContentLength(OVERLOADED.length);
            response.getOutputStream().write(OVERLOADED);
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            inFlight.release();
        }
    }
}
