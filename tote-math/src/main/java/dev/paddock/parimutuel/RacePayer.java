package dev.paddock.parimutuel;

import java.util.List;

/**
 * Pays the tickets of a single-race pool. A unit ticket is one lookup; a combined or champ ticket is tested
 * against each paid runner set (few: a Quinté+ "bonus 3" has thousands of paid orders but under a hundred
 * sets) by runner masks, since those formulations cover every order; refunds are counted by
 * {@link TicketShape}.
 */
final class RacePayer implements PoolResult.Payer {

    private final BetType type;
    private final long nonRunners;
    private final int allowedNonRunners;
    /** The paid runner sets, with the sum of the dividends of their paid orders. */
    private final long[] masks;
    private final long[] dividends;
    /** Paid dividend per key: the pool totals' map, holding dividends instead of stakes. */
    private final PoolTotals byKey;

    RacePayer(BetType type, long nonRunners, long[] keys, long[] dividends) {
        this.type = type;
        this.nonRunners = nonRunners;
        this.allowedNonRunners = RaceJudge.maxNonRunners(type);
        this.byKey = new PoolTotals(keys.length);
        // Combined and champ tickets cover every order, so the orders of one runner set are tested together.
        PoolTotals byMask = new PoolTotals(keys.length);
        for (int i = 0; i < keys.length; i++) {
            byKey.add(keys[i], dividends[i]);
            byMask.add(Placings.mask(keys[i]), dividends[i]);
        }
        this.masks = new long[byMask.size()];
        this.dividends = new long[byMask.size()];
        int[] next = {0};
        byMask.forEach((mask, dividendSum) -> {
            masks[next[0]] = mask;
            this.dividends[next[0]++] = dividendSum;
        });
    }

    @Override
    public TicketPayment pay(Formulation formulation, long unitStakeCents) {
        long dividendSum;
        long refunded;
        switch (formulation) {
            case Formulation.Unit unit -> {
                long mask = TicketShape.mask(unit.runners());
                dividendSum = byKey.on(key(unit.runners(), mask));
                refunded = Long.bitCount(mask & nonRunners) > allowedNonRunners ? 1 : 0;
            }
            case Formulation.Combined combined -> {
                long mask = TicketShape.mask(combined.runners());
                dividendSum = covered(0, mask);
                refunded = nonRunners == 0 ? 0 : TicketShape.withNonRunners(type, 0, 0, combined.runners().size(),
                        Long.bitCount(mask & nonRunners), allowedNonRunners);
            }
            case Formulation.Champ champ -> {
                long bases = TicketShape.mask(champ.bases());
                long partners = TicketShape.mask(champ.partners());
                dividendSum = covered(bases, bases | partners);
                refunded = nonRunners == 0 ? 0 : TicketShape.withNonRunners(type, Long.bitCount(bases & nonRunners),
                        champ.bases().size(), champ.partners().size(), Long.bitCount(partners & nonRunners),
                        allowedNonRunners);
            }
            case Formulation.Legs _ -> throw new IllegalArgumentException("a " + type + " ticket has no legs");
        }
        return new TicketPayment(ProfitSharing.cents(unitStakeCents, dividendSum),
                Math.multiplyExact(unitStakeCents, refunded));
    }

    /** The dividends of the paid combinations holding every required runner and only allowed ones. */
    private long covered(long required, long allowed) {
        long sum = 0;
        for (int i = 0; i < masks.length; i++) {
            if ((masks[i] & required) == required && (masks[i] & ~allowed) == 0) {
                sum += dividends[i];
            }
        }
        return sum;
    }

    /** The ticket's key, as {@link Combinations#forEach} makes it; unordered keys are read off the mask, sorted. */
    private long key(List<Integer> runners, long mask) {
        long key = 0;
        if (type.ordered()) {
            for (int i = runners.size() - 1; i >= 0; i--) {
                key = key << CombinationKey.BITS | Placings.requireRunner(runners.get(i));
            }
            return key;
        }
        runners.forEach(Placings::requireRunner);
        for (long rest = mask; rest != 0; rest &= ~Long.highestOneBit(rest)) {
            key = key << CombinationKey.BITS | 63 - Long.numberOfLeadingZeros(rest);
        }
        return key;
    }

}
