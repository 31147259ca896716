package dev.paddock.parimutuel;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Probable dividends from live pool totals (pure functions; call them on a {@link PoolTotals#copy()}),
 * per 1 EUR in cents, by the rules of {@link Dividends}. A runner or pair with no stake has no odds and
 * is absent. One pass over the pool plus a sort of the runners: cheap enough to refresh every second.
 */
public final class ProbableOdds {

    /** The Couplé Gagnant rank's part of the profit; the other 23 % goes to the "1 NP" rank. */
    public static final int COUPLE_GAGNANT_SHARE_BP = 7700;

    private ProbableOdds() {
    }

    /** Simple Gagnant: the dividend of each backed runner if it wins. */
    public static Map<Integer, Long> win(PoolTotals simpleGagnant, int takeoutBp) {
        Map<Integer, Long> odds = new TreeMap<>();
        long total = simpleGagnant.total();
        simpleGagnant.forEach((key, stake) ->
                odds.put(singleRunner(key), Dividends.simpleGagnant(total, stake, takeoutBp)));
        return Collections.unmodifiableMap(odds);
    }

    /**
     * Simple Placé: the range of each backed runner's dividend if it places. k = 2 placed runners with 4 to
     * 7 starters, 3 with 8 or more. The other placed runners are taken among the backed runners of the
     * pool (a starter nobody backed is not known to the pool; live pools back every starter quickly).
     */
    public static Map<Integer, PlaceOdds> place(PoolTotals simplePlace, int takeoutBp, int starters) {
        if (starters < 4) {
            throw new IllegalArgumentException("Simple Placé needs 4 starters or more, not " + starters);
        }
        int placed = starters >= 8 ? 3 : 2;
        long[] stakes = new long[simplePlace.size()];
        int[] runners = new int[simplePlace.size()];
        int[] next = {0};
        simplePlace.forEach((key, stake) -> {
            runners[next[0]] = singleRunner(key);
            stakes[next[0]++] = stake;
        });
        long[] ascending = stakes.clone();
        Arrays.sort(ascending);
        long total = simplePlace.total();
        Map<Integer, PlaceOdds> odds = new TreeMap<>();
        for (int i = 0; i < runners.length; i++) {
            int others = Math.min(placed - 1, runners.length - 1);
            long[] withMostBacked = withOthers(stakes[i], ascending, others, false);
            long[] withLeastBacked = withOthers(stakes[i], ascending, others, true);
            odds.put(runners[i], new PlaceOdds(
                    Dividends.simplePlace(total, withMostBacked, 0, takeoutBp),
                    Dividends.simplePlace(total, withLeastBacked, 0, takeoutBp)));
        }
        return Collections.unmodifiableMap(odds);
    }

    /** Couplé Gagnant with the rank's 77 % of the profit, see {@link #couple(PoolTotals, int, int)}. */
    public static CoupleOdds couple(PoolTotals coupleGagnant, int takeoutBp) {
        return couple(coupleGagnant, takeoutBp, COUPLE_GAGNANT_SHARE_BP);
    }

    /**
     * Couplé, one rank: {@code 1 + share * ((1 - t) * T - W) / W} for each backed pair, W its stakes. The
     * "1 NP" rank is left out while no runner is withdrawn; its part of the profit is not added to the
     * couplé rank (where it goes when no ticket wins it is configuration), so the odds shown are the
     * lower, safe side.
     */
    public static CoupleOdds couple(PoolTotals couple, int takeoutBp, int rankShareBp) {
        Map<Long, Long> odds = new HashMap<>();
        long total = couple.total();
        couple.forEach((key, stake) -> {
            if (CombinationKey.size(key) != 2) {
                throw new IllegalArgumentException("not a Couplé pool: key " + Arrays.toString(CombinationKey.decode(key)));
            }
            odds.put(key, Dividends.dividend(total, stake, stake, takeoutBp, rankShareBp, 10_000));
        });
        return new CoupleOdds(odds);
    }

    /** The runner's stake first, then the {@code others} largest (or smallest) other stakes. */
    private static long[] withOthers(long own, long[] ascending, int others, boolean leastBacked) {
        long[] placed = new long[others + 1];
        placed[0] = own;
        boolean ownSkipped = false;
        int filled = 1;
        for (int step = 0; filled <= others; step++) {
            long stake = ascending[leastBacked ? step : ascending.length - 1 - step];
            if (stake == own && !ownSkipped) {
                ownSkipped = true;
            } else {
                placed[filled++] = stake;
            }
        }
        return placed;
    }

    private static int singleRunner(long key) {
        if (CombinationKey.size(key) != 1) {
            throw new IllegalArgumentException("not a Simple pool: key " + Arrays.toString(CombinationKey.decode(key)));
        }
        return CombinationKey.runner(key, 0);
    }
}
