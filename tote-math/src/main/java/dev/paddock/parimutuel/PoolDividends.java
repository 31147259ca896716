package dev.paddock.parimutuel;

import java.util.List;

/**
 * Computes a pool's dividends by the PMU rules: {@code shared/docs/tote-rules.md}. Which combination wins
 * which rank is decided by {@link RaceJudge} (single-race pools) or {@link Big5Legs}; the money is shared by
 * {@link ProfitSharing}. Pure and deterministic: the same inputs give the same result, whatever the order
 * the stakes were added in.
 */
public final class PoolDividends {

    private PoolDividends() {
    }

    /**
     * @param legs   the pool's race (one arrival), or the five legs of a Big 5 in leg order
     * @param stakes the pool's stakes per unit combination (Multi: per K-runner key), as the bet writer keeps them
     */
    public static PoolResult compute(BetType type, PoolRules rules, List<Arrival> legs, PoolTotals stakes,
            PoolExtras extras) {
        if (legs.size() != type.legs()) {
            throw new IllegalArgumentException("a " + type + " pool needs " + type.legs() + " arrivals, not " + legs.size());
        }
        if (rules.takeoutBp() < 0 || rules.takeoutBp() >= 10_000 || outOfBasis(rules.reserveCoefficientBp())
                || outOfBasis(rules.minimumMarginBp()) || outOfBasis(rules.reserveFundBp())
                || rules.roundingCents() <= 0 || rules.minimumDividendCents() <= 0
                || rules.deductions().stream().anyMatch(bracket -> outOfBasis(bracket.bp()) || bracket.aboveCents() < 0)) {
            throw new IllegalArgumentException("rules out of range: " + rules);
        }
        List<String> ranks = PmuRules.ranks(type);
        if (type == BetType.BIG5) {
            Big5Legs big5 = new Big5Legs(legs, extras);
            if (big5.allCancelled()) {
                return refunded(type, stakes);
            }
            ProfitSharing.Shared shared = ProfitSharing.share(ranks, rules, stakes, extras, big5::judge);
            long dividend = shared.dividends().length == 0 ? 0 : shared.dividends()[0];
            return result(type, shared, big5.paying(dividend));
        }
        Arrival arrival = legs.getFirst();
        if (arrival.cancelled() || type == BetType.SIMPLE_PLACE && arrival.starters() < 4) {
            return refunded(type, stakes);
        }
        RaceJudge judge = new RaceJudge(type, arrival);
        ProfitSharing.Shared shared = ProfitSharing.share(ranks, rules, stakes, extras, judge::judge);
        long nonRunners = Placings.mask(arrival.nonRunners());
        return result(type, shared, new RacePayer(type, nonRunners, shared.keys(), shared.dividends()));
    }

    private static boolean outOfBasis(int bp) {
        return bp < 0 || bp > 10_000;
    }

    private static PoolResult refunded(BetType type, PoolTotals stakes) {
        ProfitSharing.Shared shared = ProfitSharing.Shared.refunded(stakes.total());
        return new PoolResult(type, shared.accounts(), shared.ranks(), null);
    }

    private static PoolResult result(BetType type, ProfitSharing.Shared shared, PoolResult.Payer payer) {
        return new PoolResult(type, shared.accounts(), shared.ranks(), payer);
    }
}
