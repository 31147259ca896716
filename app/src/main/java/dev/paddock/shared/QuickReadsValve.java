package dev.paddock.shared;

import jakarta.servlet.ServletException;
import java.io.IOException;
import java.util.function.Supplier;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;

/**
 * The {@link QuickReads} in front of Tomcat's filter chain: a request they answer never has its filter chain built.
 * Tomcat builds a request's chain by looking each mapped filter up under one lock of the web application, and its
 * request processors come from a cache under another; at a peak, hundreds of virtual threads queued on the two in
 * turn (a thread dump of a results rush: 247 and 190 of 459 request threads) and a backlog drained slower than the
 * node answers. What the reads leave goes on to the filter chain, where the filter does not ask them again.
 */
class QuickReadsValve extends ValveBase {

    /** Looked up at the first request: the reads' beans need the web application, which the valve comes before. */
    private final Supplier<QuickReads> reads;

    QuickReadsValve(Supplier<QuickReads> reads) {
        super(true);
        this.reads = reads;
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        if (!reads.get().serve(request, response)) {
            getNext().invoke(request, response);
        }
    }
}
