package dev.paddock.parimutuel;

import java.util.List;
import java.util.Map;

/**
 * The dividend rules of one bet type in one channel family: every rate, split and threshold of
 * {@code shared/docs/tote-rules.md} as data (the application loads them from versioned configuration). Plain
 * values only, so that the rules bind from YAML or JSON as they are.
 *
 * @param takeoutBp            the operator's share of the net pool, in basis points (1390 = 13.90 %)
 * @param reserveCoefficientBp what each winning euro gets back before the profit is shared (10000 = 1.00;
 *                             6000 for Quinté+)
 * @param rankSharesBp         each paid rank's share of the profit, by rank name (see {@link PmuRules} for the
 *                             names of each bet type); the shares of a bet type sum to 10000
 * @param minimumDividendCents no dividend below this per 1 EUR (110)
 * @param roundingCents        dividends are rounded down to a multiple of this (10)
 * @param minimumMarginBp      to pay the minimum dividend the takeout may be cut down to this share of the
 *                             stakes kept (stakes minus refunds; 1000 = 10 %); when even that cannot pay it, the
 *                             pool is refunded
 * @param reserveFundBp        share of the net pool set aside to the bet type's reserve fund (Quinté+ 800)
 * @param emptyRank            where a rank's share goes when no stake covers it
 * @param deductions           the progressive deduction on large dividends, by ascending threshold; the money
 *                             it takes goes to the takeout
 */
public record PoolRules(int takeoutBp, int reserveCoefficientBp, Map<String, Integer> rankSharesBp,
        long minimumDividendCents, long roundingCents, int minimumMarginBp, int reserveFundBp, EmptyRank emptyRank,
        List<Deduction> deductions) {

    public PoolRules {
        rankSharesBp = Map.copyOf(rankSharesBp);
        deductions = List.copyOf(deductions);
    }

    /** The same rules with the takeout of one pool (a pool's terms may differ from the bet type's default). */
    public PoolRules withTakeout(int takeout) {
        return new PoolRules(takeout, reserveCoefficientBp, rankSharesBp, minimumDividendCents, roundingCents,
                minimumMarginBp, reserveFundBp, emptyRank, deductions);
    }

    /** Where the share of a rank nobody won goes. */
    public enum EmptyRank {
        /**
         * to the next paid rank down with a winner; when no rank below has one, to the nearest rank above with a
         * winner (so that the "NP" ranks' shares, at the bottom, stay with the players when no runner was
         * withdrawn); to the reserve fund when no rank has a winner
         */
        NEXT_RANK,
        /** to the bet type's reserve fund */
        RESERVE
    }

    /**
     * A bracket of the progressive deduction: the part of a dividend (per 1 EUR) above {@code aboveCents}
     * bears {@code bp} basis points, up to the next bracket.
     */
    public record Deduction(long aboveCents, int bp) {
    }
}
