package dev.paddock.shared;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A module's anonymous GETs that can be answered from memory, ahead of the security chain and Spring MVC
 * (a results page or an event page at peak costs a map read instead of a full request). A module declares
 * one bean per path prefix; anything it cannot answer from memory returns null and takes the usual way.
 *
 * <p>Only for public, anonymous reads: the answer must not depend on who asks. It is called on request
 * threads and must not wait on the database.
 */
public interface QuickRead {

    /** Path prefix this read looks at, e.g. {@code /api/results/}. */
    String prefix();

    /**
     * The answer from memory, or null to let the request go on to Spring MVC. The response is there for a read
     * that needs it to build its answer (a page rendered on the spot encodes its links through it); nothing may be
     * written to it.
     */
    QuickAnswer answer(HttpServletRequest request, HttpServletResponse response);

    static QuickRead of(String prefix, java.util.function.Function<HttpServletRequest, QuickAnswer> answer) {
        return new QuickRead() {
            @Override
            public String prefix() {
                return prefix;
            }

            @Override
            public QuickAnswer answer(HttpServletRequest request, HttpServletResponse response) {
                return answer.apply(request);
            }
        };
    }
}
