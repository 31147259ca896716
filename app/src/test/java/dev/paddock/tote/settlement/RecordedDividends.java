package dev.paddock.tote.settlement;

import dev.paddock.tote.DividendsPublished;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Every {@link DividendsPublished} of the tests, whatever thread published it. */
@Component
class RecordedDividends {

    private final Queue<DividendsPublished> events = new ConcurrentLinkedQueue<>();

    @EventListener
    void on(DividendsPublished event) {
        events.add(event);
    }

    List<DividendsPublished> of(UUID raceId) {
        return events.stream().filter(e -> e.raceId().equals(raceId)).toList();
    }

    List<DividendsPublished> withPool(UUID poolId) {
        return events.stream().filter(e -> e.pools().stream().anyMatch(p -> p.poolId().equals(poolId))).toList();
    }
}
