package dev.paddock.tote.settlement;

import dev.paddock.tote.RaceCancelled;
import java.time.Clock;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * When races get settled, in the background: on an operator's request, {@code auto-after} an official result,
 * at once for a cancelled race (its refunds), and at start-up for whatever a stopped node left unfinished. A
 * race already being settled on this node is not queued twice; across nodes the pool locks keep settlements
 * apart.
 */
@Component
class SettlementJobs {

    private static final Logger log = LoggerFactory.getLogger(SettlementJobs.class);

    private final RaceSettlements settlements;
    private final SettlementStore store;
    private final SettlementProperties properties;
    private final Clock clock;
    private final Executor background;
    private final Set<UUID> running = ConcurrentHashMap.newKeySet();

    @Autowired
    SettlementJobs(RaceSettlements settlements, SettlementStore store, SettlementProperties properties, Clock clock) {
        this(settlements, store, properties, clock, Executors.newVirtualThreadPerTaskExecutor());
    }

    /** @param background where settlements run: a virtual thread each, or the caller's thread in tests */
    SettlementJobs(RaceSettlements settlements, SettlementStore store, SettlementProperties properties, Clock clock,
            Executor background) {
        this.settlements = settlements;
        this.store = store;
        this.properties = properties;
        this.clock = clock;
        this.background = background;
    }

    /** Settles the race in the background; refuses at once a race that cannot be settled. */
    void request(UUID raceId) {
        settlements.settleable(raceId);
        submit(raceId);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void cancelled(RaceCancelled cancelled) {
        submit(cancelled.raceId());
    }

    @Scheduled(initialDelayString = "${paddock.tote.settlement.sweep:10s}", fixedDelayString = "${paddock.tote.settlement.sweep:10s}")
    void settleDue() {
        if (!properties.autoAfter().isZero()) {
            store.officialSince(clock.instant().minus(properties.autoAfter())).forEach(this::submit);
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void resume() {
        store.unfinished().forEach(this::submit);
    }

    private void submit(UUID raceId) {
        if (!running.add(raceId)) {
            return;
        }
        background.execute(() -> {
            try {
                settlements.settle(raceId);
            } catch (RuntimeException e) {
                log.error("Settlement of race {} failed; it will be resumed by the next request, sweep or start-up",
                        raceId, e);
            } finally {
                running.remove(raceId);
            }
        });
    }
}
