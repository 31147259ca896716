package dev.paddock.parimutuel;

import java.util.List;

/** Computes a pool's dividends by the PMU rules: {@code shared/docs/tote-rules.md}. */
public final class PoolDividends {

    private PoolDividends() {
    }

    /**
     * @param legs   the pool's race (one arrival), or the five legs of a Big 5 in leg order
     * @param stakes the pool's stakes per unit combination (Multi: per K-runner key), as the bet writer keeps them
     */
    public static PoolResult compute(BetType type, PoolRules rules, List<Arrival> legs, PoolTotals stakes,
            PoolExtras extras) {
        throw new UnsupportedOperationException("not yet");
    }
}
