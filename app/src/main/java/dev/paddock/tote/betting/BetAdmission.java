package dev.paddock.tote.betting;

import dev.paddock.shared.Admission;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Sheds bet requests at the door: past {@code max-in-flight} {@code POST /api/tote/bets} being handled, a new
 * one is answered 503 {@code overloaded} at once (see {@link Admission}).
 * <p>
 * Why here: every request admitted past the node's capacity waits for CPU like all the others, so without a
 * limit all latencies grow together until clients time out and reconnect (the collapse measured at 1,700-2,000
 * bets/s). With the limit, an admitted bet waits for at most about {@code max-in-flight} others, and the
 * excess costs only the cheap refusal. The writer's own queue limit stays as the second line, for bets that
 * do not come over HTTP.
 */
final class BetAdmission extends Admission {

    static final String PATH = BetWindow.PATH;

    BetAdmission(int maxInFlight, MeterRegistry meters) {
        super(request -> "POST".equals(request.getMethod()) && PATH.equals(request.getRequestURI()), maxInFlight,
                "paddock.tote.bet.shed", "Too many bets are being taken right now; nothing was stored."
                        + " Retry in a moment with the same requestId.", meters);
    }
}
