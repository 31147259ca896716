package dev.paddock.bench.scenario;

import dev.paddock.bench.Options;
import dev.paddock.bench.PaddockApi;
import java.net.http.HttpRequest;
import java.time.Duration;

/**
 * The floor under every other scenario: an anonymous {@code GET /actuator/health/liveness}, which goes
 * through Tomcat, the security filter chain and Spring MVC but touches no business code and no database.
 * Run it on the same machine before a business scenario to know what the generator and the HTTP stack
 * alone cost.
 */
final class BaselineScenario implements Scenario {

    private HttpRequest liveness;

    @Override
    public void prepare(PaddockApi api, Options options) {
        liveness = HttpRequest.newBuilder(options.baseUrl().resolve("/actuator/health/liveness"))
                .timeout(Duration.ofSeconds(30)).GET().build();
    }

    @Override
    public HttpRequest request(long sequence) {
        return liveness;
    }

    @Override
    public String describe() {
        return "anonymous GET /actuator/health/liveness";
    }
}
