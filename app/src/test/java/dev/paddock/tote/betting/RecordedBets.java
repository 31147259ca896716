package dev.paddock.tote.betting;

import dev.paddock.tote.BetAccepted;
import dev.paddock.tote.BetCancelled;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** The bet events of every test, whatever thread published them (the writer's, not the test's). */
@Component
class RecordedBets {

    private final Queue<Object> events = new ConcurrentLinkedQueue<>();

    @EventListener
    void on(BetAccepted event) {
        events.add(event);
    }

    @EventListener
    void on(BetCancelled event) {
        events.add(event);
    }

    List<BetAccepted> accepted(UUID betId) {
        return events.stream().filter(BetAccepted.class::isInstance).map(BetAccepted.class::cast)
                .filter(e -> e.betId().equals(betId)).toList();
    }

    List<BetCancelled> cancelled(UUID betId) {
        return events.stream().filter(BetCancelled.class::isInstance).map(BetCancelled.class::cast)
                .filter(e -> e.betId().equals(betId)).toList();
    }
}
