package dev.paddock.shared;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.function.Predicate;

/**
 * A hot API request answered ahead of Tomcat's filter chain (by {@link LanesValve}), as the reads are by
 * {@link QuickReadsValve}: a module declares a {@code Lane} bean for the requests it {@link #takes} (cheap checks of
 * the method, path and headers) and answers them whole in {@link #serve}, its door and turns included (see
 * {@link Admission#ahead}). What no lane takes goes on to the filter chain. The same code also runs as a servlet
 * filter for MockMvc and with {@code paddock.lanes.valve=false}, so a lane's {@code takes} must be the filter's test.
 */
public interface Lane {

    /** Whether this lane answers the request; if not, nothing has been read or written. */
    boolean takes(HttpServletRequest request);

    /** Answers a request the lane takes, whole. */
    void serve(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException;

    /** The answer of a lane, a door or a filter chain. */
    @FunctionalInterface
    interface Answer {
        void serve(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException;
    }

    static Lane of(Predicate<HttpServletRequest> takes, Answer answer) {
        return new Lane() {
            @Override
            public boolean takes(HttpServletRequest request) {
                return takes.test(request);
            }

            @Override
            public void serve(HttpServletRequest request, HttpServletResponse response)
                    throws IOException, ServletException {
                answer.serve(request, response);
            }
        };
    }

    /** The same requests, each answered by {@code around} with this lane's answer inside (a door, turns). */
    default Lane inside(Door around) {
        Lane lane = this;
        return of(lane::takes, (request, response) -> around.enter(request, response, lane::serve));
    }

    /** What a request passes through before its answer: a door that may refuse it, turns that make it wait. */
    @FunctionalInterface
    interface Door {
        void enter(HttpServletRequest request, HttpServletResponse response, Answer next)
                throws IOException, ServletException;
    }
}
