package dev.paddock.parimutuel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The engine agrees with the closed Simple formulas of {@link Dividends} (used by the probable odds). */
class SimpleFormulasTest {

    @Test
    void theEngineGivesTheClosedFormulasDividends() {
        Random random = new Random(7);
        int compared = 0;
        for (int round = 0; round < 2_000; round++) {
            int starters = 4 + random.nextInt(12);
            PoolTotals stakes = new PoolTotals();
            long[] byRunner = new long[starters + 1];
            for (int runner = 1; runner <= starters; runner++) {
                byRunner[runner] = 100L * (1 + random.nextInt(random.nextBoolean() ? 50 : 5_000));
                stakes.add(CombinationKey.encode(runner), byRunner[runner]);
            }
            List<Integer> order = new ArrayList<>();
            for (int runner = 1; runner <= starters; runner++) {
                order.add(runner);
            }
            Collections.shuffle(order, random);
            Arrival arrival = new Arrival(order.stream().map(List::of).toList(), Set.of(), Set.of(), starters, false);
            int takeout = PmuRules.online2020(BetType.SIMPLE_GAGNANT).takeoutBp();

            PoolResult gagnant = Pools.compute(BetType.SIMPLE_GAGNANT, arrival, stakes);
            if (!gagnant.accounts().wholePoolRefunded()) {
                int winner = order.getFirst();
                assertThat(gagnant.pay(new Formulation.Unit(List.of(winner)), 100).winningsCents())
                        .isEqualTo(Dividends.simpleGagnant(stakes.total(), byRunner[winner], takeout));
                compared++;
            }
            PoolResult place = Pools.compute(BetType.SIMPLE_PLACE, arrival, stakes);
            if (!place.accounts().wholePoolRefunded()) {
                long[] placed = order.subList(0, starters >= 8 ? 3 : 2).stream().mapToLong(r -> byRunner[r]).toArray();
                for (int i = 0; i < placed.length; i++) {
                    assertThat(place.pay(new Formulation.Unit(List.of(order.get(i))), 100).winningsCents())
                            .isEqualTo(Dividends.simplePlace(stakes.total(), placed, i, takeout));
                }
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(2_000);
    }
}
