package dev.paddock.bench.events;

import dev.paddock.bench.KeepAliveClient;
import dev.paddock.bench.PaddockApi;
import dev.paddock.bench.Results;
import dev.paddock.bench.Target;
import java.time.Instant;
import java.util.List;

/**
 * The anonymous reads during the rush, as three groups measured apart: the event page (HTML), the public
 * participant list page (HTML) and the event's public JSON, which together take {@code --readers} requests per
 * second in the shares below (people refreshing the event page most).
 * <p>
 * Before the opening (the readers' unmeasured warm-up) every other participant-list read is of the warm-up's 10 km
 * race, whose list has rows all along the warm-up registrations: a node at an opening has rendered participant
 * lists with rows before, while the marathon's own list is empty until its opening. Without them the list's rows
 * (its Thymeleaf loop, the public fields read from JSON, the larger answers' writes) first ran at the opening and
 * the JIT compiled them then; with them no Thymeleaf or SpEL compilation was left at the opening (README,
 * Benchmarks, session 16).
 *
 * @param warmUpPath read instead of {@code path} by every other request before the opening; null for none
 */
record Readers(String name, String path, String warmUpPath, String accept, double share, Results results) {

    static List<Readers> of(RushEvent event) {
        String participants = "/events/" + event.slug() + "/participants?race=";
        return List.of(
                new Readers("event page", "/events/" + event.slug(), null, "text/html", 0.5, new Results()),
                new Readers("participant list", participants + event.raceCode(),
                        event.warmUpRaceId() == null ? null : participants + RushEvent.WARM_UP_RACE_CODE,
                        "text/html", 0.25, new Results()),
                new Readers("event JSON", "/api/events/" + event.slug(), null, "application/json", 0.25,
                        new Results()));
    }

    /** The path request {@code sequence} reads at {@code now}: the warm-up's list for every other one before the opening. */
    String path(long sequence, Instant now, Instant opensAt) {
        return warmUpPath != null && sequence % 2 == 1 && now.isBefore(opensAt) ? warmUpPath : path;
    }

    /** Through the JDK client ({@code --client jdk}). */
    Target on(PaddockApi api, Instant opensAt) {
        return sequence -> api.send(api.anonymousGet(path(sequence, Instant.now(), opensAt), accept));
    }

    /** Through the readers' keep-alive client; the body is skipped. */
    Target on(KeepAliveClient client, Instant opensAt) {
        return sequence -> client.get(path(sequence, Instant.now(), opensAt), "Accept", accept);
    }
}
