package dev.paddock.parimutuel;

import java.util.List;

/**
 * One paid rank of a pool (e.g. Tiercé "ordre", "désordre", "1 NP"): its winning combinations with their
 * dividends (they differ only after a dead heat), and the rank's total winning stakes.
 */
public record RankDividend(String rank, long winningStakeCents, List<CombinationDividend> combinations) {

    public RankDividend {
        combinations = List.copyOf(combinations);
    }
}
