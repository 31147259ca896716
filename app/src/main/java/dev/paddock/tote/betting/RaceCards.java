package dev.paddock.tote.betting;

import dev.paddock.tote.NonRunnerDeclared;
import dev.paddock.tote.PoolCard;
import dev.paddock.tote.Programme;
import dev.paddock.tote.RaceCancelled;
import dev.paddock.tote.RaceCard;
import dev.paddock.tote.RaceClosed;
import dev.paddock.tote.RaceOpened;
import dev.paddock.tote.StartTimeMoved;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Race and pool cards for the bet path, from {@link Programme} through a {@link SharedCache} (the
 * programme's own cache expires every card at once, and each expiry would send every waiting bet to the
 * database). Dropped on the programme's events about the race, so a non-runner shows at once on this node.
 * A card's status only fails a bet early: the batch decides under a lock on the race row.
 */
@Component
class RaceCards {

    private final SharedCache<UUID, Optional<RaceCard>> races;
    private final SharedCache<UUID, Optional<PoolCard>> pools;

    RaceCards(Programme programme, Clock clock) {
        this.races = new SharedCache<>(programme::race, 1000, clock::millis, 100_000);
        this.pools = new SharedCache<>(programme::pool, 1000, clock::millis, 100_000);
    }

    Optional<RaceCard> race(UUID raceId) {
        return races.get(raceId);
    }

    Optional<PoolCard> pool(UUID poolId) {
        return pools.get(poolId);
    }

    @EventListener
    void on(RaceOpened event) {
        afterCommitToo(() -> {
            races.forget(event.raceId());
            pools.forgetAll();
        });
    }

    @EventListener
    void on(RaceClosed event) {
        afterCommitToo(() -> races.forget(event.raceId()));
    }

    @EventListener
    void on(RaceCancelled event) {
        afterCommitToo(() -> races.forget(event.raceId()));
    }

    @EventListener
    void on(NonRunnerDeclared event) {
        afterCommitToo(() -> races.forget(event.raceId()));
    }

    @EventListener
    void on(StartTimeMoved event) {
        afterCommitToo(() -> races.forget(event.raceId()));
    }

    /** Now, and again once the change is committed, so that no reader caches the state before it. */
    private static void afterCommitToo(Runnable forget) {
        forget.run();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    forget.run();
                }
            });
        }
    }
}
