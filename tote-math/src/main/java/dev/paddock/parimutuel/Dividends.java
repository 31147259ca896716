package dev.paddock.parimutuel;

import java.math.BigInteger;

/**
 * The dividend formulas of {@code shared/docs/tote-rules.md}, per 1 EUR in cents, in exact integer
 * arithmetic: rounded down to 10 cents, never below {@value #MINIMUM_CENTS}. Takeouts are in basis
 * points (1390 = 13.90 %). No non-runner refunds here: the caller passes the total after refunds.
 */
public final class Dividends {

    public static final long MINIMUM_CENTS = 110;
    private static final long BASIS = 10_000;

    private Dividends() {
    }

    /** {@code floor_0.10((1 - t) * T / W)}: the whole net pool to the winner's stakes. */
    public static long simpleGagnant(long totalCents, long winnerStakeCents, int takeoutBp) {
        return dividend(totalCents, winnerStakeCents, winnerStakeCents, takeoutBp, 1, 1);
    }

    /**
     * {@code floor_0.10(1 + ((1 - t) * T - S) / (k * S_i))}: the profit split equally between the placed
     * runners (two, three, or more after a dead heat). A placed runner nobody backed gives its share to the
     * others, so k counts the placed runners with a stake.
     *
     * @param placedStakes the stakes on each placed runner
     * @param index        the placed runner whose dividend is wanted; it must hold a stake
     */
    public static long simplePlace(long totalCents, long[] placedStakes, int index, int takeoutBp) {
        long placed = 0;
        int backed = 0;
        for (long stake : placedStakes) {
            if (stake < 0) {
                throw new IllegalArgumentException("a stake is not negative: " + stake);
            }
            placed += stake;
            backed += stake > 0 ? 1 : 0;
        }
        return dividend(totalCents, placed, placedStakes[index], takeoutBp, 1, backed);
    }

    /**
     * The general rank dividend with a reserve coefficient of 1:
     * {@code floor_0.10(1 + share * ((1 - t) * T - P) / R)}, P the winning stakes of all paid ranks, R
     * the stakes of this rank (or of this runner within it) and share = numerator / denominator its part
     * of the profit. A negative profit gives the minimum.
     */
    public static long dividend(long totalCents, long paidStakesCents, long rankStakeCents, int takeoutBp,
            long shareNumerator, long shareDenominator) {
        if (totalCents < 0 || paidStakesCents < rankStakeCents || rankStakeCents <= 0) {
            throw new IllegalArgumentException("inconsistent stakes: total " + totalCents + ", paid "
                    + paidStakesCents + ", rank " + rankStakeCents);
        }
        if (takeoutBp < 0 || takeoutBp >= BASIS) {
            throw new IllegalArgumentException("takeout out of 0..9999 basis points: " + takeoutBp);
        }
        if (shareNumerator < 0 || shareDenominator <= 0 || shareNumerator > shareDenominator) {
            throw new IllegalArgumentException("share out of 0..1: " + shareNumerator + "/" + shareDenominator);
        }
        // In tenths of a euro: 10 + floor(share * (T * (10000 - t) - 10000 * P) / (1000 * R)).
        long tenths;
        try {
            long profit = Math.subtractExact(Math.multiplyExact(totalCents, BASIS - takeoutBp),
                    Math.multiplyExact(BASIS, paidStakesCents));
            long numerator = Math.multiplyExact(profit, shareNumerator);
            long denominator = Math.multiplyExact(Math.multiplyExact(1000, shareDenominator), rankStakeCents);
            tenths = 10 + Math.floorDiv(numerator, denominator);
        } catch (ArithmeticException overflow) {
            // Only beyond a billion euros; truncation equals floor here since a negative profit pays the minimum.
            tenths = 10 + big(totalCents).multiply(big(BASIS - takeoutBp))
                    .subtract(big(BASIS).multiply(big(paidStakesCents)))
                    .multiply(big(shareNumerator))
                    .divide(big(1000).multiply(big(shareDenominator)).multiply(big(rankStakeCents)))
                    .longValueExact();
        }
        return Math.max(MINIMUM_CENTS, tenths * 10);
    }

    private static BigInteger big(long value) {
        return BigInteger.valueOf(value);
    }
}
