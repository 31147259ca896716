package dev.paddock.parimutuel;

import java.util.List;

/**
 * The Big 5 rules of {@code shared/docs/tote-rules.md}, leg by leg: a selection wins its leg when it is a
 * winner of the leg (every runner of a dead heat for first is), when it is a non-runner and the leg's
 * favourite won, or when the leg was cancelled. One rank, one dividend: every winning unit combination gets
 * the same, so a ticket's winnings are its unit stake x the dividend x the product, over the legs, of its
 * selections that won there. A ticket is only refunded with the whole pool (all legs cancelled).
 */
final class Big5Legs implements PoolResult.Payer {

    private final long[] winners;
    private final long[] nonRunners;
    private final int[] favourites;
    private final boolean[] cancelled;
    private final long dividend;

    Big5Legs(List<Arrival> legs, PoolExtras extras) {
        int count = legs.size();
        winners = new long[count];
        nonRunners = new long[count];
        favourites = new int[count];
        cancelled = new boolean[count];
        for (int leg = 0; leg < count; leg++) {
            Arrival arrival = legs.get(leg);
            Placings placings = new Placings(arrival);
            for (int runner = 1; runner <= CombinationKey.MAX_RUNNER; runner++) {
                if (placings.at(runner, 1)) {
                    winners[leg] |= 1L << runner;
                }
            }
            nonRunners[leg] = placings.nonRunners();
            favourites[leg] = leg < extras.favourites().size() ? extras.favourites().get(leg) : 0;
            cancelled[leg] = arrival.cancelled();
        }
        dividend = 0;
    }

    private Big5Legs(Big5Legs legs, long dividend) {
        this.winners = legs.winners;
        this.nonRunners = legs.nonRunners;
        this.favourites = legs.favourites;
        this.cancelled = legs.cancelled;
        this.dividend = dividend;
    }

    boolean allCancelled() {
        for (boolean leg : cancelled) {
            if (!leg) {
                return false;
            }
        }
        return true;
    }

    Verdict judge(long key) {
        for (int leg = 0; leg < winners.length; leg++) {
            if (!wins(leg, CombinationKey.runner(key, leg))) {
                return Verdict.LOSE;
            }
        }
        return Verdict.win(0, 0);
    }

    /** The same legs paying the pool's one dividend, once it is computed. */
    Big5Legs paying(long dividendCents) {
        return new Big5Legs(this, dividendCents);
    }

    @Override
    public TicketPayment pay(Formulation formulation, long unitStakeCents) {
        if (!(formulation instanceof Formulation.Legs legs) || legs.legs().size() != winners.length) {
            throw new IllegalArgumentException("a Big 5 ticket has " + winners.length + " legs: " + formulation);
        }
        long winning = 1;
        for (int leg = 0; leg < winners.length && winning > 0; leg++) {
            int won = 0;
            for (int runner : legs.legs().get(leg)) {
                won += wins(leg, runner) ? 1 : 0;
            }
            winning *= won;
        }
        return new TicketPayment(ProfitSharing.cents(unitStakeCents, Math.multiplyExact(dividend, winning)), 0);
    }

    private boolean wins(int leg, int runner) {
        if (cancelled[leg]) {
            return true;
        }
        if ((nonRunners[leg] & 1L << runner) != 0) {
            if (favourites[leg] == 0) {
                throw new IllegalArgumentException("leg " + (leg + 1) + " has a non-runner selected but no favourite");
            }
            runner = favourites[leg];
        }
        return (winners[leg] & 1L << runner) != 0;
    }
}
