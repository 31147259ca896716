package dev.paddock.events.organizer;

import dev.paddock.events.RegistrationCancelled;
import dev.paddock.events.RegistrationConfirmed;
import dev.paddock.live.LiveChannel;
import dev.paddock.shared.AfterCommit;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Tells open dashboards that an event's numbers changed: topic {@code event-dashboard:<eventId>}, event
 * {@code stats}, after the change commits. At most one push per second per event: the first change after a
 * quiet second is pushed at once, later ones within the second are folded into one push when it ends, so an
 * opening rush of thousands of confirmations a minute costs each open page one re-fetch a second.
 *
 * <p>A plain listener plus {@link AfterCommit} rather than {@code @TransactionalEventListener}: Modulith
 * would write a publication row per confirmation for it, and a lost push only costs freshness.
 */
@Component
class DashboardPulse {

    static final Duration GAP = Duration.ofSeconds(1);
    static final String EVENT = "stats";

    private final LiveChannel live;
    private final Clock clock;
    private final Map<UUID, Instant> lastPush = new ConcurrentHashMap<>();
    private final Set<UUID> pending = ConcurrentHashMap.newKeySet();

    DashboardPulse(LiveChannel live, Clock clock) {
        this.live = live;
        this.clock = clock;
    }

    static String topic(UUID eventId) {
        return "event-dashboard:" + eventId;
    }

    @EventListener
    void on(RegistrationConfirmed confirmed) {
        AfterCommit.run(() -> changed(confirmed.eventId()));
    }

    @EventListener
    void on(RegistrationCancelled cancelled) {
        AfterCommit.run(() -> changed(cancelled.eventId()));
    }

    void changed(UUID eventId) {
        Instant now = clock.instant();
        boolean[] pushNow = {false};
        lastPush.compute(eventId, (id, last) -> {
            if (last == null || !now.isBefore(last.plus(GAP))) {
                pushNow[0] = true;
                return now;
            }
            pending.add(id);
            return last;
        });
        if (pushNow[0]) {
            push(eventId);
        }
    }

    /** Pushes the changes folded during the last second; forgets events quiet for a minute. */
    @Scheduled(fixedDelayString = "${paddock.events.organizer.pulse-check:250ms}")
    void flush() {
        Instant now = clock.instant();
        for (UUID eventId : pending) {
            boolean[] pushNow = {false};
            lastPush.compute(eventId, (id, last) -> {
                if (last == null || !now.isBefore(last.plus(GAP))) {
                    pushNow[0] = pending.remove(id);
                    return now;
                }
                return last;
            });
            if (pushNow[0]) {
                push(eventId);
            }
        }
        lastPush.entrySet().removeIf(e -> !pending.contains(e.getKey()) && e.getValue().plus(Duration.ofMinutes(1)).isBefore(now));
    }

    private void push(UUID eventId) {
        live.toTopic(topic(eventId), EVENT, Map.of("eventId", eventId));
    }
}
