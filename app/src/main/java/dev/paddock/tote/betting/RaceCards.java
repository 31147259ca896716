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
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Race cards for channel control, reused for {@code race-card-ttl} and dropped on every programme event
 * about the race. A card's status only fails a bet early: whether the race is still open is decided by the
 * batch, under a lock on the race row.
 */
@Component
class RaceCards {

    private record Cached(RaceCard card, long expiresAtMillis) {
    }

    private final Programme programme;
    private final Clock clock;
    private final long ttlMillis;
    private final Map<UUID, Cached> cache = new ConcurrentHashMap<>();
    // A pool's bet type, stakes and races are fixed once its races open.
    private final Map<UUID, PoolCard> pools = new ConcurrentHashMap<>();

    RaceCards(Programme programme, Clock clock, BettingProperties properties) {
        this.programme = programme;
        this.clock = clock;
        this.ttlMillis = properties.raceCardTtl().toMillis();
    }

    Optional<RaceCard> race(UUID raceId) {
        long now = clock.millis();
        Cached cached = cache.get(raceId);
        if (cached != null && cached.expiresAtMillis() > now) {
            return Optional.of(cached.card());
        }
        Optional<RaceCard> card = programme.race(raceId);
        card.ifPresent(c -> cache.put(raceId, new Cached(c, now + ttlMillis)));
        return card;
    }

    Optional<PoolCard> pool(UUID poolId) {
        PoolCard cached = pools.get(poolId);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<PoolCard> pool = programme.pool(poolId);
        pool.ifPresent(p -> pools.put(poolId, p));
        return pool;
    }

    @EventListener
    void on(RaceOpened event) {
        cache.remove(event.raceId());
        pools.clear();
    }

    @EventListener
    void on(RaceClosed event) {
        cache.remove(event.raceId());
    }

    @EventListener
    void on(RaceCancelled event) {
        cache.remove(event.raceId());
    }

    @EventListener
    void on(NonRunnerDeclared event) {
        cache.remove(event.raceId());
    }

    @EventListener
    void on(StartTimeMoved event) {
        cache.remove(event.raceId());
    }
}
