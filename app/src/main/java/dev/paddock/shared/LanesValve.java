package dev.paddock.shared;

import jakarta.servlet.ServletException;
import java.io.IOException;
import java.util.List;
import java.util.function.Supplier;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ContinueResponseTiming;

/**
 * The {@link Lane}s in front of Tomcat's filter chain: a bet or a registration a lane takes never has its filter chain
 * built (see {@link QuickReadsValve} for what that costs at a peak), nor the request observation, Spring Security's
 * chain and Spring MVC the lanes stand in for. What no lane takes goes on to the filter chain, where the lanes' filters
 * ask the same question and leave it too.
 * <p>
 * What the filter chain's end would have done and a lane needs is done here: the {@code 100 Continue} of a client
 * that waits for it before sending the body (Tomcat's context valve sends it before calling the servlet). Forwarded
 * headers are read by Tomcat's engine valve ({@code server.forward-headers-strategy: native}), ahead of this one.
 */
class LanesValve extends ValveBase {

    /** Looked up at the first request: the lanes' beans need the web application, which the valve comes before. */
    private final Supplier<List<Lane>> lanes;

    LanesValve(Supplier<List<Lane>> lanes) {
        super(true);
        this.lanes = lanes;
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        for (Lane lane : lanes.get()) {
            if (lane.takes(request)) {
                response.sendAcknowledgement(ContinueResponseTiming.IMMEDIATELY);
                lane.serve(request, response);
                return;
            }
        }
        getNext().invoke(request, response);
    }
}
