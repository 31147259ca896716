package dev.paddock.bench.scenario;

import dev.paddock.bench.Options;
import dev.paddock.bench.Outcome;
import dev.paddock.bench.PaddockApi;
import java.net.http.HttpRequest;
import java.util.concurrent.CompletableFuture;

/**
 * One kind of traffic. A scenario prepares its data before the clock starts (accounts, races,
 * events...), then builds request number n when it is due. Adding a scenario is one class implementing
 * this and one line in {@link Scenarios}.
 */
public interface Scenario extends AutoCloseable {

    /** Set-up, not measured: may be slow and sequential. */
    void prepare(PaddockApi api, Options options) throws Exception;

    /** Called on the scheduling thread at the request's due time: cheap, never blocking. */
    HttpRequest request(long sequence);

    /** Sends request n; a scenario that needs the answers (to record them) overrides this. */
    default CompletableFuture<Outcome> send(PaddockApi api, long sequence) {
        return api.send(request(sequence));
    }

    /** One line for the report, e.g. how many accounts the load is spread over. */
    String describe();

    @Override
    default void close() {
    }
}
