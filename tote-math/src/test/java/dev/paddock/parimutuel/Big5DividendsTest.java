package dev.paddock.parimutuel;

import static dev.paddock.parimutuel.Pools.arrival;
import static dev.paddock.parimutuel.Pools.dividends;
import static dev.paddock.parimutuel.Pools.stakes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Big 5 by the rules of the shared document, takeout 25 %. The legs: 1 won; 3 won; 2 and 4 dead-heated;
 * cancelled; 5 won with 6 a non-runner replaced by the favourite 5. Keys are one runner per leg, in leg order.
 * Expected accounts: {refunds, takeout, reserveIn, reserveOut, operatorTopUp, payouts, breakage}.
 */
class Big5DividendsTest {

    private static final List<Arrival> LEGS = List.of(arrival("1 2", 8), arrival("3 1", 8), arrival("2=4 1", 8),
            Arrival.cancelledRace(), arrival("5 1", 7, 6));
    private static final List<Integer> FAVOURITES = List.of(1, 1, 1, 1, 5);

    static Stream<Arguments> cases() {
        return Stream.of(
                // 1-3-2-1-5 wins; 1-3-4-7-6 wins too (4 dead-heated, leg 4 cancelled, 6 replaced by the winner 5);
                // 1-3-1-1-5 loses leg 3. Net 7,500 over W 300: 1 + 7,200 / 300 = 25.00
                arguments(stakes(BetType.BIG5, "1-3-2-1-5:10000", "1-3-4-7-6:20000", "1-3-1-1-5:30000", "2-3-2-1-5:940000"),
                        new PoolExtras(FAVOURITES, 0, 0), List.of("big5 1-3-2-1-5=2500", "big5 1-3-4-7-6=2500"),
                        new long[] {0, 250_000, 0, 0, 0, 750_000, 0}),
                // nobody wins: the net pool goes to the reserve fund, which seeds a later Big 5
                arguments(stakes(BetType.BIG5, "1-3-1-1-5:30000", "2-3-2-1-5:970000"), new PoolExtras(FAVOURITES, 0, 0),
                        List.of(), new long[] {0, 250_000, 750_000, 0, 0, 0, 0}),
                // guaranteed 10,000 EUR net: 7,500 + 1,000 from the reserve fund, the operator adds 1,500;
                // 1 + (10,000 - 300) / 300 = 33.33 -> 33.30
                arguments(stakes(BetType.BIG5, "1-3-2-1-5:10000", "1-3-4-7-6:20000", "2-3-2-1-5:970000"),
                        new PoolExtras(FAVOURITES, 100_000, 1_000_000), List.of("big5 1-3-2-1-5=3330", "big5 1-3-4-7-6=3330"),
                        new long[] {0, 250_000, 0, 100_000, 150_000, 999_000, 1_000}),
                // a guarantee below the net pool costs nothing; the reserve draw still adds to it: 1 + 8,200 / 300
                arguments(stakes(BetType.BIG5, "1-3-2-1-5:10000", "1-3-4-7-6:20000", "2-3-2-1-5:970000"),
                        new PoolExtras(FAVOURITES, 100_000, 500_000), List.of("big5 1-3-2-1-5=2830", "big5 1-3-4-7-6=2830"),
                        new long[] {0, 250_000, 0, 100_000, 0, 849_000, 1_000}),
                // the guarantee is not paid when nobody wins, nor is the reserve drawn
                arguments(stakes(BetType.BIG5, "2-3-2-1-5:1000000"), new PoolExtras(FAVOURITES, 100_000, 1_000_000),
                        List.of(), new long[] {0, 250_000, 750_000, 0, 0, 0, 0}));
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @MethodSource("cases")
    void dividendsAndAccounts(PoolTotals stakes, PoolExtras extras, List<String> expected, long[] accounts) {
        PoolResult result = PoolDividends.compute(BetType.BIG5, PmuRules.online2020(BetType.BIG5), LEGS, stakes, extras);
        assertThat(dividends(result)).containsExactlyElementsOf(expected);
        PoolAccounts actual = result.accounts();
        assertThat(new long[] {actual.refundsCents(), actual.takeoutCents(), actual.reserveInCents(),
                actual.reserveOutCents(), actual.operatorTopUpCents(), actual.payoutsCents(), actual.breakageCents()})
                .containsExactly(accounts);
    }

    @Test
    void aTicketWinsOnceForEveryWinningSelectionOfEachLeg() {
        PoolResult result = PoolDividends.compute(BetType.BIG5, PmuRules.online2020(BetType.BIG5), LEGS,
                stakes(BetType.BIG5, "1-3-2-1-5:10000", "1-3-4-7-6:20000", "2-3-2-1-5:970000"),
                new PoolExtras(FAVOURITES, 0, 0));
        // 1 + (7,500 - 300) / 300 = 25.00; legs: {1,2} 1 wins; {3} 3; {2,4,1} 2 and 4; {1,7} both; {5,6} both
        Formulation ticket = new Formulation.Legs(List.of(List.of(1, 2), List.of(3), List.of(2, 4, 1), List.of(1, 7),
                List.of(5, 6)));
        assertThat(result.pay(ticket, 50)).isEqualTo(new TicketPayment(50 * 2500 * (1 * 1 * 2 * 2 * 2) / 100, 0));
        Formulation loser = new Formulation.Legs(List.of(List.of(2), List.of(3), List.of(2), List.of(1), List.of(5)));
        assertThat(result.pay(loser, 50)).isEqualTo(TicketPayment.NOTHING);
    }

    @Test
    void allLegsCancelledRefundsEveryTicket() {
        Arrival cancelled = Arrival.cancelledRace();
        PoolResult result = PoolDividends.compute(BetType.BIG5, PmuRules.online2020(BetType.BIG5),
                List.of(cancelled, cancelled, cancelled, cancelled, cancelled),
                stakes(BetType.BIG5, "1-3-2-1-5:600", "1-3-4-7-6:400"), new PoolExtras(FAVOURITES, 0, 0));
        assertThat(result.accounts()).isEqualTo(new PoolAccounts(1_000, 1_000, 0, 0, 0, 0, 0, 0, true));
        Formulation ticket = new Formulation.Legs(List.of(List.of(1), List.of(3), List.of(2, 4), List.of(1, 7), List.of(5)));
        assertThat(result.pay(ticket, 100)).isEqualTo(new TicketPayment(0, 400));
    }

    @Test
    void aNonRunnerSelectedWithoutAFavouriteIsAnError() {
        assertThatThrownBy(() -> PoolDividends.compute(BetType.BIG5, PmuRules.online2020(BetType.BIG5), LEGS,
                stakes(BetType.BIG5, "1-3-2-1-6:1000"), PoolExtras.NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("favourite");
    }
}
