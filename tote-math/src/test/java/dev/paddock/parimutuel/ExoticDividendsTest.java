package dev.paddock.parimutuel;

import static dev.paddock.parimutuel.Pools.arrival;
import static dev.paddock.parimutuel.Pools.dividends;
import static dev.paddock.parimutuel.Pools.stakes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hand-computed dividends of Trio, 2sur4, Quarté+, Quinté+, Multi and Pick5, and of the rules options (empty
 * rank to the reserve, the progressive deduction). T is 10,000 EUR; expected accounts are {refunds, takeout,
 * reserveIn, reserveOut, payouts, breakage}.
 */
class ExoticDividendsTest {

    private static final PoolExtras TIRELIRE = new PoolExtras(List.of(), 1_000_000, 0);
    private static final String[] QUINTE = {"1-2-3-4-5:10000", "5-4-3-2-1:20000", "1-2-3-4-6:30000", "1-2-3-6-7:40000",
            "6-7-8-9-10:900000"};
    private static final Arrival QUINTE_ARRIVAL = arrival("1 2 3 4 5 6", 8);

    static Stream<Arguments> cases() {
        return Stream.of(
                // Trio, t 25.15 %: 9 non-runner refunds {1,2,9}; net 0.7485 x 9,000 = 6,736.50; 1 + 5,736.50 / 1,000
                arguments(BetType.TRIO, PmuRules.online2020(BetType.TRIO),
                        stakes(BetType.TRIO, "1-2-3:100000", "1-2-4:800000", "1-2-9:100000"), arrival("3 1 2 4", 8, 9),
                        PoolExtras.NONE, List.of("trio 1-2-3=670"), new long[] {100_000, 226_350, 0, 0, 670_000, 3_650}),
                // Trio, dead heat for 3rd: two winning sets share the profit 7,485 - 4,000 equally: 1,742.50 each
                // {1,2,3}: 1 + 1,742.5 / 1,000 -> 2.70; {1,2,4}: 1 + 1,742.5 / 3,000 = 1.58 -> 1.50
                arguments(BetType.TRIO, PmuRules.online2020(BetType.TRIO),
                        stakes(BetType.TRIO, "1-2-3:100000", "1-2-4:300000", "5-6-7:600000"), arrival("1 2 3=4 5", 8),
                        PoolExtras.NONE, List.of("trio 1-2-3=270", "trio 1-2-4=150"),
                        new long[] {0, 251_500, 0, 0, 720_000, 28_500}),
                // 2sur4, t 26.85 %: one dividend for every winning pair; "1 NP" empty joins it
                // 1 + (7,315 - 2,000) / 2,000 = 3.6575 -> 3.60
                arguments(BetType.DEUX_SUR_QUATRE, PmuRules.online2020(BetType.DEUX_SUR_QUATRE),
                        stakes(BetType.DEUX_SUR_QUATRE, "1-2:100000", "3-4:100000", "1-5:800000"), arrival("1 2 3 4 5", 8),
                        PoolExtras.NONE, List.of("deux-sur-quatre 1-2=360", "deux-sur-quatre 3-4=360"),
                        new long[] {0, 268_500, 0, 0, 720_000, 11_500}),
                // 2sur4 with 9 non-runner: {4,9} wins "1 NP"; profit 5,315: 80 % / 1,000 -> 5.25 -> 5.20; 20 % -> 2.06 -> 2.00
                arguments(BetType.DEUX_SUR_QUATRE, PmuRules.online2020(BetType.DEUX_SUR_QUATRE),
                        stakes(BetType.DEUX_SUR_QUATRE, "1-2:100000", "4-9:100000", "1-5:800000"), arrival("1 2 3 4 5", 8, 9),
                        PoolExtras.NONE, List.of("deux-sur-quatre 1-2=520", "1-np 4-9=200"),
                        new long[] {0, 268_500, 0, 0, 720_000, 11_500}),
                // Quarté+, t 24.65 %: net 7,535, W 600, profit 6,935: ordre 693.5 / 100, desordre 3,190.1 / 300,
                // bonus 3,051.4 / 600 (every combination holding 1, 2, 3) -> 23.65 / 16.71 / 6.08
                arguments(BetType.QUARTE_PLUS, PmuRules.online2020(BetType.QUARTE_PLUS),
                        stakes(BetType.QUARTE_PLUS, "1-2-3-4:10000", "4-3-2-1:20000", "1-2-3-5:30000", "5-6-7-8:940000"),
                        arrival("1 2 3 4 5", 8), PoolExtras.NONE,
                        List.of("ordre 1-2-3-4=2360", "desordre 4-3-2-1=1670", "bonus 1-2-3-5=600"),
                        new long[] {0, 246_500, 0, 0, 750_000, 3_500}),
                // Quarté+ has no NP rank: 1-2-3-9 is refunded; net 0.7535 x 9,800 = 7,384.30 all to 1-2-3-4 (it alone
                // wins every rank): 1 + 7,284.30 / 100 = 73.84 -> 73.80
                arguments(BetType.QUARTE_PLUS, PmuRules.online2020(BetType.QUARTE_PLUS),
                        stakes(BetType.QUARTE_PLUS, "1-2-3-4:10000", "1-2-3-9:20000", "5-6-7-8:970000"),
                        arrival("1 2 3 4 5", 8, 9), PoolExtras.NONE, List.of("ordre 1-2-3-4=7380"),
                        new long[] {20_000, 241_570, 0, 0, 738_000, 430}),
                // Quinté+, t 35.65 %, c 0.60, 8 % of the net 6,435 to the reserve (514.80): pool 5,920.20, W 1,000,
                // profit 5,920.20 - 600 = 5,320.20: ordre 12 % / 100, desordre 40.5 % / 300, bonus 4 15 % / 600,
                // bonus 3 32.5 % / 1,000 -> 17.2256 / 10.8414 / 3.6591 / 2.3291
                arguments(BetType.QUINTE_PLUS, PmuRules.online2020(BetType.QUINTE_PLUS),
                        stakes(BetType.QUINTE_PLUS, QUINTE), QUINTE_ARRIVAL, PoolExtras.NONE,
                        List.of("ordre 1-2-3-4-5=1720", "desordre 5-4-3-2-1=1080", "bonus-4 1-2-3-4-6=360",
                                "bonus-3 1-2-3-6-7=230"),
                        new long[] {0, 356_500, 51_480, 0, 588_000, 4_020}),
                // the same with the Tirelire: 10,000 EUR drawn from the reserve onto the ordre rank's 100 EUR: +100.00
                arguments(BetType.QUINTE_PLUS, PmuRules.online2020(BetType.QUINTE_PLUS),
                        stakes(BetType.QUINTE_PLUS, QUINTE), QUINTE_ARRIVAL, TIRELIRE,
                        List.of("ordre 1-2-3-4-5=11720", "desordre 5-4-3-2-1=1080", "bonus-4 1-2-3-4-6=360",
                                "bonus-3 1-2-3-6-7=230"),
                        new long[] {0, 356_500, 51_480, 1_000_000, 1_588_000, 4_020}),
                // no ordre winner: the Tirelire is not drawn, the ordre share flows down to desordre
                // profit 5,920.20 - 0.6 x 900 = 5,380.20: desordre 52.5 % / 200, bonus 4 15 % / 500, bonus 3 32.5 % / 900
                // desordre 0.60 + 14.123 + 1.614 + 1.943 = 18.28 -> 18.20; bonus 4 4.157 -> 4.10; bonus 3 2.543 -> 2.50
                arguments(BetType.QUINTE_PLUS, PmuRules.online2020(BetType.QUINTE_PLUS),
                        stakes(BetType.QUINTE_PLUS, "5-4-3-2-1:20000", "1-2-3-4-6:30000",
                                "1-2-3-6-7:40000", "6-7-8-9-10:910000"),
                        QUINTE_ARRIVAL, TIRELIRE,
                        List.of("desordre 5-4-3-2-1=1820", "bonus-4 1-2-3-4-6=410", "bonus-3 1-2-3-6-7=250"),
                        new long[] {0, 356_500, 51_480, 0, 587_000, 5_020}),
                // Multi, t 31.85 %: en K holds C(K,4) unit bets, one of which wins here: W = 100 + 200/5 + 300/15
                // + 700/35 = 180; base 1 + (6,815 - 180) / 180 = 37.86; en 5 = 7.57; en 6 = 2.52; en 7 1.08 -> 1.10
                arguments(BetType.MULTI, PmuRules.online2020(BetType.MULTI),
                        stakes(BetType.MULTI, "1-2-3-4:10000", "1-2-3-4-5:20000", "1-2-3-4-5-6:30000",
                                "1-2-3-4-5-6-7:70000", "5-6-7-8:870000"),
                        arrival("4 3 2 1 5", 8), PoolExtras.NONE,
                        List.of("multi 1-2-3-4=3780", "multi 1-2-3-4-5=750", "multi 1-2-3-4-5-6=250",
                                "multi 1-2-3-4-5-6-7=110"),
                        new long[] {0, 318_500, 0, 0, 680_000, 1_500}),
                // Multi, dead heat for 4th: {1,2,3,4} and {1,2,3,5} win, half the profit each; an en 5 key holding
                // both gets both: W = 100 + 100 + 2 x 500/5 = 400, profit 6,415: {1,2,3,4} 1 + 3,207.5/(100 + 100)
                // = 17.0375; {1,2,3,5} 1 + 3,207.5/(100 + 100); en 5 (2 + 2 x 16.0375) / 5 = 6.815 -> 6.80
                arguments(BetType.MULTI, PmuRules.online2020(BetType.MULTI),
                        stakes(BetType.MULTI, "1-2-3-4:10000", "1-2-3-5:10000", "1-2-3-4-5:50000", "6-7-8-9:930000"),
                        arrival("1 2 3 4=5", 8), PoolExtras.NONE,
                        List.of("multi 1-2-3-4=1700", "multi 1-2-3-4-5=680", "multi 1-2-3-5=1700"),
                        new long[] {0, 318_500, 0, 0, 680_000, 1_500}),
                // Pick5, t 36.55 %, 9 non-runner: {1,2,3,4,9} wins "1 NP", {1,2,3,8,9} loses (8 not in the first 5)
                // profit 6,345 - 300 = 6,045: half / 100 -> 31.22; half / 200 -> 16.11
                arguments(BetType.PICK5, PmuRules.online2020(BetType.PICK5),
                        stakes(BetType.PICK5, "1-2-3-4-5:10000", "1-2-3-4-9:20000", "1-2-3-8-9:30000", "6-7-8-10-11:940000"),
                        arrival("5 4 3 2 1 6", 10, 9), PoolExtras.NONE,
                        List.of("pick5 1-2-3-4-5=3120", "1-np 1-2-3-4-9=1610"),
                        new long[] {0, 365_500, 0, 0, 634_000, 500}),
                // Couplé Gagnant with the empty rank to the reserve: 23 % of the profit 6,330 (1,455.90) is set aside
                // 1 + 77 % x 6,330 / 1,000 = 5.87 -> 5.80
                arguments(BetType.COUPLE_GAGNANT, withEmptyRank(PmuRules.online2020(BetType.COUPLE_GAGNANT)),
                        stakes(BetType.COUPLE_GAGNANT, "1-2:100000", "1-3:900000"), arrival("2 1 3", 8), PoolExtras.NONE,
                        List.of("couple 1-2=580"), new long[] {0, 267_000, 145_590, 0, 580_000, 7_410}),
                // progressive deduction (made-up table: 10 % above 10.00, 20 % above 50.00) on a 86.10 Simple Gagnant:
                // 4,000 x 10 % + 3,610 x 20 % = 1,122 cents -> 74.88 -> 74.80; the 1,130 EUR deducted go to the takeout
                arguments(BetType.SIMPLE_GAGNANT, withDeductions(PmuRules.online2020(BetType.SIMPLE_GAGNANT)),
                        stakes(BetType.SIMPLE_GAGNANT, "1:10000", "2:990000"), arrival("1 2", 8), PoolExtras.NONE,
                        List.of("gagnant 1=7480"), new long[] {0, 252_000, 0, 0, 748_000, 0}),
                // under the first threshold nothing is deducted
                arguments(BetType.SIMPLE_GAGNANT, withDeductions(PmuRules.online2020(BetType.SIMPLE_GAGNANT)),
                        stakes(BetType.SIMPLE_GAGNANT, "1:100000", "2:900000"), arrival("1 2", 8), PoolExtras.NONE,
                        List.of("gagnant 1=860"), new long[] {0, 139_000, 0, 0, 860_000, 1_000}),
                // a cancelled race refunds the whole pool
                arguments(BetType.TIERCE, PmuRules.online2020(BetType.TIERCE), stakes(BetType.TIERCE, "1-2-3:10000"),
                        Arrival.cancelledRace(), PoolExtras.NONE, List.of(), new long[] {10_000, 0, 0, 0, 0, 0}),
                // a disqualified runner is never placed: 2 is taken out, 3 moves up to 2nd
                arguments(BetType.COUPLE_ORDRE, PmuRules.online2020(BetType.COUPLE_ORDRE),
                        stakes(BetType.COUPLE_ORDRE, "1-2:100000", "1-3:100000", "2-1:800000"),
                        new Arrival(List.of(List.of(1), List.of(2), List.of(3)), Pools.set(), Pools.set(2), 8, false),
                        PoolExtras.NONE, List.of("ordre 1-3=730"), new long[] {0, 267_000, 0, 0, 730_000, 3_000}));
    }

    @ParameterizedTest(name = "{0} {3} -> {5}")
    @MethodSource("cases")
    void dividendsAndAccounts(BetType type, PoolRules rules, PoolTotals stakes, Arrival arrival, PoolExtras extras,
            List<String> expected, long[] accounts) {
        PoolResult result = PoolDividends.compute(type, rules, List.of(arrival), stakes, extras);
        assertThat(dividends(result)).containsExactlyElementsOf(expected);
        PoolAccounts actual = result.accounts();
        assertThat(new long[] {actual.refundsCents(), actual.takeoutCents(), actual.reserveInCents(),
                actual.reserveOutCents(), actual.payoutsCents(), actual.breakageCents()}).containsExactly(accounts);
    }

    private static PoolRules withEmptyRank(PoolRules rules) {
        return new PoolRules(rules.takeoutBp(), rules.reserveCoefficientBp(), rules.rankSharesBp(),
                rules.minimumDividendCents(), rules.roundingCents(), rules.minimumMarginBp(), rules.reserveFundBp(),
                PoolRules.EmptyRank.RESERVE, rules.deductions());
    }

    private static PoolRules withDeductions(PoolRules rules) {
        return new PoolRules(rules.takeoutBp(), rules.reserveCoefficientBp(), rules.rankSharesBp(),
                rules.minimumDividendCents(), rules.roundingCents(), rules.minimumMarginBp(), rules.reserveFundBp(),
                rules.emptyRank(), List.of(new PoolRules.Deduction(1000, 1000), new PoolRules.Deduction(5000, 2000)));
    }
}
