package dev.paddock.parimutuel;

import static dev.paddock.parimutuel.Pools.arrival;
import static dev.paddock.parimutuel.Pools.compute;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link PoolResult#pay} on pools built from the tickets paid, against what enumerating the tickets gives. */
class TicketPaymentTest {

    private static final List<Field> FIELD = List.of(Field.ofRunners(16));

    @Test
    void aChampTotalOfMoreThanAHundredThousandCombinationsIsPaidEveryWinningOrder() {
        Formulation champ = new Formulation.Champ(List.of(3), List.of(1, 2, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16));
        Formulation unit = new Formulation.Unit(List.of(1, 2, 3, 4, 5));
        PoolTotals stakes = pool(BetType.QUINTE_PLUS, Map.of(champ, 50L, unit, 1000L));
        PoolResult result = compute(BetType.QUINTE_PLUS, arrival("1 2 3 4 5 6", 16), stakes);

        assertThat(Combinations.count(BetType.QUINTE_PLUS, champ, FIELD)).isEqualTo(163_800);
        assertThat(result.pay(champ, 50).winningsCents()).isEqualTo(enumerated(result, BetType.QUINTE_PLUS, champ, 50))
                .isPositive();
        assertThat(result.pay(unit, 1000).winningsCents()).isEqualTo(enumerated(result, BetType.QUINTE_PLUS, unit, 1000));
    }

    @Test
    void combinationsWithTooManyNonRunnersAreCountedWithoutEnumeration() {
        // Tiercé, 7, 8 and 9 non-runners: a combination holding all three is refunded
        Formulation combined = new Formulation.Combined(List.of(7, 8, 9, 1));
        Formulation champ = new Formulation.Champ(List.of(7), List.of(8, 9, 1, 2));
        Formulation loser = new Formulation.Unit(List.of(4, 5, 6));
        PoolTotals stakes = pool(BetType.TIERCE, Map.of(combined, 100L, champ, 30L, loser, 100_000L));
        PoolResult result = compute(BetType.TIERCE, arrival("1 2 3 4", 12, 7, 8, 9), stakes);

        // combined: the 3! orders of {7, 8, 9}; champ: base 7 with partners 8 and 9, in 3! orders
        assertThat(result.pay(combined, 100).refundCents()).isEqualTo(6 * 100);
        assertThat(result.pay(champ, 30).refundCents()).isEqualTo(6 * 30);
        assertThat(result.accounts().refundsCents()).isEqualTo(6 * 100 + 6 * 30);
        assertThat(result.pay(combined, 100).winningsCents()).isEqualTo(enumerated(result, BetType.TIERCE, combined, 100))
                .isPositive();
    }

    @Test
    void aCoupleWithTwoNonRunnersIsRefundedAndOneWithOnePaysTheNpRank() {
        Formulation combined = new Formulation.Combined(List.of(4, 5, 1));
        Formulation loser = new Formulation.Unit(List.of(2, 3));
        PoolTotals stakes = pool(BetType.COUPLE_GAGNANT, Map.of(combined, 200L, loser, 100_000L));
        PoolResult result = compute(BetType.COUPLE_GAGNANT, arrival("1 2 3", 8, 4, 5), stakes);

        // {4,5} refunded; {1,4} and {1,5} win "1 NP" (1 won)
        assertThat(result.pay(combined, 200)).isEqualTo(new TicketPayment(enumerated(result, BetType.COUPLE_GAGNANT,
                combined, 200), 200));
        assertThat(result.ranks()).extracting(RankDividend::rank).containsExactly(PmuRules.ONE_NP);
    }

    @Test
    void aMultiPaysItsKeyDividend() {
        Formulation en6 = new Formulation.Unit(List.of(6, 5, 4, 3, 2, 1));
        Formulation en4 = new Formulation.Unit(List.of(1, 2, 3, 9));
        PoolTotals stakes = pool(BetType.MULTI, Map.of(en6, 300L, en4, 30_000L));
        PoolResult result = compute(BetType.MULTI, arrival("4 3 2 1", 8), stakes);

        long en6Dividend = result.ranks().getFirst().combinations().getFirst().dividendCents();
        assertThat(result.pay(en6, 300)).isEqualTo(new TicketPayment(300 * en6Dividend / 100, 0));
        assertThat(result.pay(en4, 30_000)).isEqualTo(TicketPayment.NOTHING);
    }

    @Test
    void aWhollyRefundedPoolRefundsEveryTicketsWholeStake() {
        Formulation combined = new Formulation.Combined(List.of(1, 2, 3, 4));
        PoolResult result = compute(BetType.TIERCE, Arrival.cancelledRace(), pool(BetType.TIERCE, Map.of(combined, 150L)));
        assertThat(result.pay(combined, 150)).isEqualTo(new TicketPayment(0, 24 * 150));
        assertThat(result.ranks()).isEmpty();
    }

    @Test
    void winningsAreRoundedToTheNearestCentOncePerTicket() {
        // Simple Gagnant 1 pays 8.60: a 15-cent unit stake wins 1.29, a 5-cent one 0.43
        PoolTotals stakes = Pools.stakes(BetType.SIMPLE_GAGNANT, "1:100000", "2:900000");
        PoolResult result = compute(BetType.SIMPLE_GAGNANT, arrival("1 2", 8), stakes);
        assertThat(result.pay(new Formulation.Unit(List.of(1)), 15).winningsCents()).isEqualTo(129);
        assertThat(result.pay(new Formulation.Combined(List.of(1, 2)), 5).winningsCents()).isEqualTo(43);
    }

    private static PoolTotals pool(BetType type, Map<Formulation, Long> tickets) {
        PoolTotals stakes = new PoolTotals();
        tickets.forEach((formulation, unit) ->
                Combinations.forEach(type, formulation, FIELD, key -> stakes.add(key, unit)));
        return stakes;
    }

    private static long enumerated(PoolResult result, BetType type, Formulation formulation, long unit) {
        Map<Long, Long> dividends = new HashMap<>();
        result.ranks().forEach(rank -> rank.combinations().forEach(c -> dividends.put(c.key(), c.dividendCents())));
        long[] sum = {0};
        Combinations.forEach(type, formulation, FIELD, key -> sum[0] += dividends.getOrDefault(key, 0L));
        return (unit * sum[0] + 50) / 100;
    }
}
