package dev.paddock.tote.programme;

import dev.paddock.tote.MeetingCard;
import dev.paddock.tote.PoolCard;
import dev.paddock.tote.Programme;
import dev.paddock.tote.RaceCard;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * {@link Programme}: race and pool cards from a small in-memory cache, since the bet pipeline asks for
 * them on every bet. Any change made through this module empties the cache after its commit; a change
 * made on another node shows after at most {@code card-cache-ttl}. A card's status is for display and a
 * first check only; the stop signal is decided in the database.
 */
@Service
class ProgrammeCatalog implements Programme {

    private record Entry<T>(T value, Instant expires) {
    }

    private final ProgrammeStore store;
    private final ProgrammeProperties properties;
    private final Clock clock;
    private final Map<UUID, Entry<RaceCard>> races = new ConcurrentHashMap<>();
    private final Map<UUID, Entry<PoolCard>> pools = new ConcurrentHashMap<>();
    // Bumped at every committed change, so a read that overlapped a change never fills the cache.
    private final AtomicLong generation = new AtomicLong();

    ProgrammeCatalog(ProgrammeStore store, ProgrammeProperties properties, Clock clock) {
        this.store = store;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public Optional<RaceCard> race(UUID raceId) {
        return cached(races, raceId, id -> store.race(id).map(Loaded.Race::card));
    }

    @Override
    public Optional<PoolCard> pool(UUID poolId) {
        return cached(pools, poolId, id -> store.pool(id).map(Loaded.Pool::card));
    }

    @Override
    public List<MeetingCard> day(LocalDate date) {
        return store.day(date).stream().map(Loaded.Meeting::card).toList();
    }

    /** Called by every change of the programme, inside its transaction. */
    void changed() {
        forget();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    forget();
                }
            });
        }
    }

    private void forget() {
        generation.incrementAndGet();
        races.clear();
        pools.clear();
    }

    private <T> Optional<T> cached(Map<UUID, Entry<T>> cache, UUID id, Function<UUID, Optional<T>> load) {
        Instant now = clock.instant();
        Entry<T> entry = cache.get(id);
        if (entry != null && now.isBefore(entry.expires())) {
            return Optional.of(entry.value());
        }
        long before = generation.get();
        Optional<T> loaded = load.apply(id);
        if (loaded.isPresent() && generation.get() == before && !properties.cardCacheTtl().isZero()) {
            cache.put(id, new Entry<>(loaded.get(), now.plus(properties.cardCacheTtl())));
        }
        return loaded;
    }
}
