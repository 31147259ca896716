package dev.paddock.parimutuel;

import java.util.List;

/**
 * Pays the tickets of a single-race pool. A unit ticket is one lookup; a combined or champ ticket is tested
 * against each paid combination (few) by runner masks, since those formulations cover every order; refunds
 * are counted by {@link TicketShape}.
 */
final class RacePayer implements PoolResult.Payer {

    private final BetType type;
    private final long nonRunners;
    private final int allowedNonRunners;
    private final long[] masks;
    private final long[] dividends;
    /** Paid dividend per key: the pool totals' map, holding dividends instead of stakes. */
    private final PoolTotals byKey;

    RacePayer(BetType type, long nonRunners, long[] keys, long[] dividends) {
        this.type = type;
        this.nonRunners = nonRunners;
        this.allowedNonRunners = RaceJudge.maxNonRunners(type);
        this.dividends = dividends.clone();
        this.masks = new long[keys.length];
        this.byKey = new PoolTotals(keys.length);
        for (int i = 0; i < keys.length; i++) {
            masks[i] = Placings.mask(keys[i]);
            byKey.add(keys[i], dividends[i]);
        }
    }

    @Override
    public TicketPayment pay(Formulation formulation, long unitStakeCents) {
        long dividendSum = switch (formulation) {
            case Formulation.Unit unit -> byKey.on(key(unit.runners()));
            case Formulation.Combined combined -> covered(0, TicketShape.mask(combined.runners()));
            case Formulation.Champ champ -> {
                long bases = TicketShape.mask(champ.bases());
                yield covered(bases, bases | TicketShape.mask(champ.partners()));
            }
            case Formulation.Legs _ -> throw new IllegalArgumentException("a " + type + " ticket has no legs");
        };
        long refunded = nonRunners == 0 ? 0
                : TicketShape.withNonRunners(type, formulation, nonRunners, allowedNonRunners);
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

    private long key(List<Integer> runners) {
        int[] picked = runners.stream().mapToInt(Integer::intValue).toArray();
        return type.ordered() ? CombinationKey.encode(picked) : CombinationKey.encodeUnordered(picked);
    }
}
