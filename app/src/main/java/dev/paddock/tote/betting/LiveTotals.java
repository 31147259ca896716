package dev.paddock.tote.betting;

import dev.paddock.parimutuel.PoolTotals;
import java.util.Optional;
import java.util.UUID;

/** The live totals of the pools, as the bet writer keeps them in memory (for probable odds). */
public interface LiveTotals {

    /** A copy of a pool's totals, taken without stopping the writer; empty if no bet was taken yet. */
    Optional<PoolTotals> snapshot(UUID poolId);
}
