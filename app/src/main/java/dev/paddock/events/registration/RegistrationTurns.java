package dev.paddock.events.registration;

import dev.paddock.shared.Lane;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.Semaphore;
import java.util.function.Predicate;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Takes the registration requests the door let in a few at a time through their computing (authentication, JSON,
 * checks, price), in arrival order; the others wait parked, which costs nothing. A request gives its turn back
 * as soon as it only waits for its batch ({@link #pass}), so the writer still gets whole batches. Requests run on
 * virtual threads, which are not time-sliced: without turns, a rush's hundreds of registrations computing at once
 * took every carrier thread in turn, each finishing late, and the anonymous reads answered from memory queued
 * behind all of them for seconds. With turns, a read waits for a few registrations' steps at most.
 * <p>
 * No request is refused here: the door ({@code max-in-flight}) bounds how many wait, and a wait in line costs the
 * athlete less than a 503 and a retry a second later.
 */
class RegistrationTurns extends OncePerRequestFilter implements Lane.Door {

    private final Predicate<HttpServletRequest> guarded;
    private final Semaphore turns;
    private final ThreadLocal<Boolean> holding = new ThreadLocal<>();

    /** @param turns requests computing at once */
    RegistrationTurns(Predicate<HttpServletRequest> guarded, int turns) {
        this.guarded = guarded;
        this.turns = new Semaphore(turns, true);
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

    /** Waits for a turn, as a filter or ahead of the filter chain in front of the lane ({@link Lane#inside}). */
    @Override
    public void enter(HttpServletRequest request, HttpServletResponse response, Lane.Answer next)
            throws IOException, ServletException {
        try {
            turns.acquire();
        } catch (InterruptedException e) {
            // the server is stopping: nothing was read or stored
            Thread.currentThread().interrupt();
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            return;
        }
        holding.set(Boolean.TRUE);
        try {
            next.serve(request, response);
        } finally {
            pass();
        }
    }

    /** Gives the calling request's turn back, if it holds one (it now only waits); later calls do nothing. */
    void pass() {
        if (holding.get() != null) {
            holding.remove();
            turns.release();
        }
    }

    /** For tests: turns free now. */
    int free() {
        return turns.availablePermits();
    }

    /** For tests: requests waiting in line. */
    int waiting() {
        return turns.getQueueLength();
    }
}
