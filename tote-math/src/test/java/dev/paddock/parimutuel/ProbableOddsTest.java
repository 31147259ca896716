package dev.paddock.parimutuel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ProbableOddsTest {

    private static final int SIMPLE = 1390;
    private static final int COUPLE = 2670;

    @Test
    void winOddsPerBackedRunner() {
        // 1,000 EUR, net 861 EUR: 861/600 = 1.435, 861/300 = 2.87, 861/100 = 8.61
        PoolTotals pool = pool(Map.of(1, 60_000L, 2, 30_000L, 3, 10_000L));
        assertThat(ProbableOdds.win(pool, SIMPLE)).containsExactly(entry(1, 140L), entry(2, 280L), entry(3, 860L));
        assertThat(ProbableOdds.win(new PoolTotals(), SIMPLE)).isEmpty();
    }

    @Test
    void placeOddsRangeOverTheOtherPlacedRunners() {
        // 1,500 EUR, net 1,291.50 EUR
        PoolTotals pool = pool(Map.of(1, 50_000L, 2, 40_000L, 3, 30_000L, 4, 20_000L, 5, 10_000L));
        Map<Integer, PlaceOdds> threePlaced = ProbableOdds.place(pool, SIMPLE, 8);
        // runner 5 with 1 and 2: 1 + 291.5 / 3 / 100 = 1.97; with 4 and 3: 1 + 691.5 / 3 / 100 = 3.305
        assertThat(threePlaced.get(5)).isEqualTo(new PlaceOdds(190, 330));
        // runner 1 with 2 and 3: 1 + 91.5 / 3 / 500 = 1.06 -> minimum; with 5 and 4: 1 + 491.5 / 3 / 500 = 1.327
        assertThat(threePlaced.get(1)).isEqualTo(new PlaceOdds(110, 130));
        Map<Integer, PlaceOdds> twoPlaced = ProbableOdds.place(pool, SIMPLE, 7);
        // runner 5 with 1: 1 + 691.5 / 2 / 100 = 4.4575; with 4: 1 + 991.5 / 2 / 100 = 5.9575
        assertThat(twoPlaced.get(5)).isEqualTo(new PlaceOdds(440, 590));
        assertThat(twoPlaced).hasSize(5);
        assertThatThrownBy(() -> ProbableOdds.place(pool, SIMPLE, 3)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void coupleOddsMatrixGivesTheRankItsSeventySevenPercent() {
        // 1,000 EUR, net 733 EUR
        PoolTotals pool = new PoolTotals();
        pool.add(CombinationKey.encode(1, 2), 40_000);
        pool.add(CombinationKey.encode(1, 3), 10_000);
        pool.add(CombinationKey.encode(2, 3), 50_000);
        CoupleOdds odds = ProbableOdds.couple(pool, COUPLE);
        assertThat(odds.dividend(1, 2)).isEqualTo(160);  // 1 + 0.77 x 333 / 400 = 1.641
        assertThat(odds.dividend(3, 1)).isEqualTo(580);  // 1 + 0.77 x 633 / 100 = 5.874
        assertThat(odds.dividend(2, 3)).isEqualTo(130);  // 1 + 0.77 x 233 / 500 = 1.359
        assertThat(odds.dividend(4, 5)).isZero();
    }

    @Test
    void refusesAPoolOfAnotherBetType() {
        PoolTotals couple = new PoolTotals();
        couple.add(CombinationKey.encode(1, 2), 100);
        assertThatThrownBy(() -> ProbableOdds.win(couple, SIMPLE)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProbableOdds.couple(pool(Map.of(1, 100L)), COUPLE)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Property: more stake on a runner never raises its odds, and never lowers the others'. */
    @Test
    void moreStakeOnARunnerNeverRaisesItsWinOdds() {
        Random random = new Random(11);
        for (int trial = 0; trial < 2000; trial++) {
            PoolTotals pool = randomSimplePool(random);
            Map<Integer, Long> before = ProbableOdds.win(pool, SIMPLE);
            int runner = 1 + random.nextInt(12);
            pool.add(runner, 1 + random.nextInt(100_000));
            Map<Integer, Long> after = ProbableOdds.win(pool, SIMPLE);
            before.forEach((other, odds) -> {
                if (other == runner) {
                    assertThat(after.get(other)).isLessThanOrEqualTo(odds);
                } else {
                    assertThat(after.get(other)).isGreaterThanOrEqualTo(odds);
                }
            });
        }
    }

    /** Property: min never above max, and more stake on a runner never raises either end of its range. */
    @Test
    void moreStakeOnARunnerNeverRaisesItsPlaceOdds() {
        Random random = new Random(12);
        for (int trial = 0; trial < 2000; trial++) {
            PoolTotals pool = randomSimplePool(random);
            int starters = 4 + random.nextInt(12);
            Map<Integer, PlaceOdds> before = ProbableOdds.place(pool, SIMPLE, starters);
            int runner = CombinationKey.runner(anyKey(pool), 0);
            pool.add(runner, 1 + random.nextInt(100_000));
            PlaceOdds after = ProbableOdds.place(pool, SIMPLE, starters).get(runner);
            assertThat(after.min()).isLessThanOrEqualTo(before.get(runner).min());
            assertThat(after.max()).isLessThanOrEqualTo(before.get(runner).max());
        }
    }

    @Test
    void moreStakeOnAPairNeverRaisesItsCoupleOdds() {
        Random random = new Random(13);
        for (int trial = 0; trial < 2000; trial++) {
            PoolTotals pool = new PoolTotals();
            for (int i = 0; i < 20; i++) {
                pool.add(CombinationKey.encodeUnordered(1 + random.nextInt(6), 7 + random.nextInt(6)), 100 + random.nextInt(50_000));
            }
            long pair = anyKey(pool);
            long before = ProbableOdds.couple(pool, COUPLE).dividendsByPair().get(pair);
            pool.add(pair, 1 + random.nextInt(100_000));
            assertThat(ProbableOdds.couple(pool, COUPLE).dividendsByPair().get(pair)).isLessThanOrEqualTo(before);
        }
    }

    private static PoolTotals randomSimplePool(Random random) {
        PoolTotals pool = new PoolTotals();
        int runners = 1 + random.nextInt(12);
        for (int runner = 1; runner <= runners; runner++) {
            pool.add(runner, 100 + random.nextInt(random.nextBoolean() ? 1_000 : 1_000_000));
        }
        return pool;
    }

    private static long anyKey(PoolTotals pool) {
        long[] key = {0};
        pool.forEach((k, stake) -> key[0] = k);
        return key[0];
    }

    private static PoolTotals pool(Map<Integer, Long> stakes) {
        PoolTotals pool = new PoolTotals();
        stakes.forEach((runner, stake) -> pool.add(CombinationKey.encode(runner), stake));
        return pool;
    }
}
