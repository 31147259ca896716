package dev.paddock.bench.events;

import dev.paddock.bench.KeepAliveClient;
import dev.paddock.bench.PaddockApi;
import dev.paddock.bench.Results;
import dev.paddock.bench.Target;
import java.util.List;

/**
 * The anonymous reads during the rush, as three groups measured apart: the event page (HTML), the public
 * participant list page (HTML) and the event's public JSON, which together take {@code --readers} requests per
 * second in the shares below (people refreshing the event page most).
 */
record Readers(String name, String path, String accept, double share, Results results) {

    static List<Readers> of(RushEvent event) {
        return List.of(
                new Readers("event page", "/events/" + event.slug(), "text/html", 0.5, new Results()),
                new Readers("participant list", "/events/" + event.slug() + "/participants?race=" + event.raceCode(),
                        "text/html", 0.25, new Results()),
                new Readers("event JSON", "/api/events/" + event.slug(), "application/json", 0.25, new Results()));
    }

    /** Through the JDK client ({@code --client jdk}). */
    Target on(PaddockApi api) {
        return sequence -> api.send(api.anonymousGet(path, accept));
    }

    /** Through the readers' keep-alive client; the body is skipped. */
    Target on(KeepAliveClient client) {
        return sequence -> client.get(path, "Accept", accept);
    }
}
