package dev.paddock.parimutuel;

import java.util.List;

/**
 * What a pool's dividends need besides its stakes and rules.
 *
 * @param favourites          Big 5: per leg, the runner with the largest Simple Gagnant stake at close in the
 *                            same channel family (replaces a non-runner); empty for the other bet types
 * @param reserveDrawCents    money brought into this pool from a reserve fund and added to its top rank (the
 *                            Quinté+ "Tirelire" on a jackpot day, a Big 5 fund carried from a Big 5 nobody won).
 *                            Drawn in full, and only when the top rank has a winner; otherwise it stays in the
 *                            fund ({@link PoolAccounts#reserveOutCents()} is 0)
 * @param guaranteedPoolCents the guaranteed net pool (Big 5), 0 for none: when someone wins and the net pool plus
 *                            the reserve draw fall short of it, the operator adds the rest
 *                            ({@link PoolAccounts#operatorTopUpCents()}); nothing is added when nobody wins
 */
public record PoolExtras(List<Integer> favourites, long reserveDrawCents, long guaranteedPoolCents) {

    public static final PoolExtras NONE = new PoolExtras(List.of(), 0, 0);

    public PoolExtras {
        favourites = List.copyOf(favourites);
    }
}
