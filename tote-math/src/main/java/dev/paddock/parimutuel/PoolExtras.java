package dev.paddock.parimutuel;

import java.util.List;

/**
 * What a pool's dividends need besides its stakes and rules.
 *
 * @param favourites          Big 5: per leg, the runner with the largest Simple Gagnant stake at close in the
 *                            same channel family (replaces a non-runner); empty for the other bet types
 * @param reserveDrawCents    money brought into this pool from a reserve fund (the Quinté+ "Tirelire" added to
 *                            its top rank on a jackpot day, the Big 5 fund topping up a guaranteed pool)
 * @param guaranteedPoolCents the guaranteed net pool (Big 5), 0 for none
 */
public record PoolExtras(List<Integer> favourites, long reserveDrawCents, long guaranteedPoolCents) {

    public static final PoolExtras NONE = new PoolExtras(List.of(), 0, 0);

    public PoolExtras {
        favourites = List.copyOf(favourites);
    }
}
