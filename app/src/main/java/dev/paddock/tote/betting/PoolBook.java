package dev.paddock.tote.betting;

import dev.paddock.parimutuel.PoolTotals;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The live totals of every pool in memory, for probable odds. Only the bet writers change them, each after its
 * batch commits (additions commute, so their order does not matter); readers take a copy. A pool's totals are
 * rebuilt from tote.pool_stakes (the totals and the changes not folded yet) before the writers take their first
 * batch, so memory never misses a committed bet.
 */
@Component
class PoolBook implements LiveTotals {

    private final Map<UUID, PoolTotals> pools = new ConcurrentHashMap<>();

    void load(BetStore store) {
        pools.clear();
        store.forEachTotal((pool, key, cents) -> {
            PoolTotals totals = pools.computeIfAbsent(pool, p -> new PoolTotals());
            if (cents > 0) {
                totals.add(key, cents);
            }
        });
    }

    /** Bet writers only. */
    void add(UUID poolId, long key, long cents) {
        PoolTotals totals = pools.computeIfAbsent(poolId, p -> new PoolTotals());
        synchronized (totals) {
            if (cents >= 0) {
                totals.add(key, cents);
            } else {
                totals.remove(key, -cents);
            }
        }
    }

    @Override
    public Optional<PoolTotals> snapshot(UUID poolId) {
        PoolTotals totals = pools.get(poolId);
        if (totals == null) {
            return Optional.empty();
        }
        synchronized (totals) {
            return Optional.of(totals.copy());
        }
    }
}
