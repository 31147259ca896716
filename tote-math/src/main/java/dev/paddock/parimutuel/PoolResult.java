package dev.paddock.parimutuel;

import java.util.List;

/**
 * A settled pool: its paid ranks with their dividends, its accounts, and what any ticket of the pool gets.
 * Immutable and safe to share between threads.
 */
public final class PoolResult {

    private final BetType type;
    private final PoolAccounts accounts;
    private final List<RankDividend> ranks;

    PoolResult(BetType type, PoolAccounts accounts, List<RankDividend> ranks) {
        this.type = type;
        this.accounts = accounts;
        this.ranks = List.copyOf(ranks);
    }

    public BetType type() {
        return type;
    }

    public PoolAccounts accounts() {
        return accounts;
    }

    /** The paid ranks, top rank first; a rank nobody won is absent. */
    public List<RankDividend> ranks() {
        return ranks;
    }

    /**
     * What a ticket of this pool gets: the sum over its unit combinations of unit stake x dividend (winnings,
     * rounded to the nearest cent once per ticket) and of the unit stake of each refunded combination.
     * Costs about the paid combinations times the ticket's runners, not the ticket's combination count, so
     * that a champ total covering 100,000 combinations is as cheap as a unit bet.
     */
    public TicketPayment pay(Formulation formulation, long unitStakeCents) {
        throw new UnsupportedOperationException("not yet");
    }
}
