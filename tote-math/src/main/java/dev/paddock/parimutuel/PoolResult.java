package dev.paddock.parimutuel;

import java.util.List;

/**
 * A settled pool: its paid ranks with their dividends, its accounts, and what any ticket of the pool gets.
 * Immutable and safe to share between threads.
 */
public final class PoolResult {

    /** Pays the tickets of a pool that was not wholly refunded. */
    interface Payer {
        TicketPayment pay(Formulation formulation, long unitStakeCents);
    }

    private final BetType type;
    private final PoolAccounts accounts;
    private final List<RankDividend> ranks;
    private final Payer payer;

    PoolResult(BetType type, PoolAccounts accounts, List<RankDividend> ranks, Payer payer) {
        this.type = type;
        this.accounts = accounts;
        this.ranks = List.copyOf(ranks);
        this.payer = payer;
    }

    public BetType type() {
        return type;
    }

    public PoolAccounts accounts() {
        return accounts;
    }

    /**
     * The paid ranks, top rank first; a rank nobody won is absent. Each winning combination is listed once,
     * under the highest rank it wins, with its whole dividend (an "ordre" dividend contains the "désordre"
     * increment), in reading order (1-2-3 before 1-3-2, 10 after 9); a rank's winning stake is that of the
     * combinations listed under it.
     */
    public List<RankDividend> ranks() {
        return ranks;
    }

    /**
     * What a ticket of this pool gets: the sum over its unit combinations of unit stake x dividend (winnings,
     * rounded to the nearest cent once per ticket) and of the unit stake of each refunded combination.
     * Costs about the paid combinations times the ticket's runners, not the ticket's combination count, so
     * that a champ total covering 100,000 combinations is as cheap as a unit bet. A champ total is passed
     * with its partners listed (as stored at sale time).
     */
    public TicketPayment pay(Formulation formulation, long unitStakeCents) {
        if (unitStakeCents < 0) {
            throw new IllegalArgumentException("a unit stake is not negative: " + unitStakeCents);
        }
        if (accounts.wholePoolRefunded()) {
            return new TicketPayment(0, Math.multiplyExact(unitStakeCents, TicketShape.count(type, formulation)));
        }
        return payer.pay(formulation, unitStakeCents);
    }
}
