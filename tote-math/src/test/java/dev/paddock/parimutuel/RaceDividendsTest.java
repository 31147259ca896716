package dev.paddock.parimutuel;

import static dev.paddock.parimutuel.Pools.arrival;
import static dev.paddock.parimutuel.Pools.compute;
import static dev.paddock.parimutuel.Pools.dividends;
import static dev.paddock.parimutuel.Pools.stakes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hand-computed dividends of single-race pools with the PMU 2020 online rules. Stakes are in cents; T is 10,000
 * EUR unless said. Each case: the pool, the arrival, the expected dividends ("rank runners=cents per euro", by rank,
 * then in reading order) and the expected accounts {refunds, takeout, reserveIn, payouts, breakage}.
 */
class RaceDividendsTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                // Simple Gagnant, t 13.90 %: net 8,610; W 1,000 -> 1 + 7,610 / 1,000 = 8.61 -> 8.60
                arguments(BetType.SIMPLE_GAGNANT, stakes(BetType.SIMPLE_GAGNANT, "1:100000", "2:500000", "3:400000"),
                        arrival("1 2 3", 8), List.of("gagnant 1=860"), new long[] {0, 139_000, 0, 860_000, 1_000}),
                // dead heat 1=2: profit 8,610 - 6,000 = 2,610, half each: 1 + 1,305/1,000 = 2.30, 1 + 1,305/5,000 = 1.26 -> 1.20
                arguments(BetType.SIMPLE_GAGNANT, stakes(BetType.SIMPLE_GAGNANT, "1:100000", "2:500000", "3:400000"),
                        arrival("1=2 3", 8), List.of("gagnant 1=230", "gagnant 2=120"),
                        new long[] {0, 139_000, 0, 830_000, 31_000}),
                // nobody backed the winner: the net pool goes to the reserve fund
                arguments(BetType.SIMPLE_GAGNANT, stakes(BetType.SIMPLE_GAGNANT, "1:100000", "2:500000", "3:400000"),
                        arrival("4 1 2", 8), List.of(), new long[] {0, 139_000, 861_000, 0, 0}),
                // 3 non-runner: 4,000 refunded; net 0.861 x 6,000 = 5,166; 1 + 4,166 / 1,000 = 5.16 -> 5.10
                arguments(BetType.SIMPLE_GAGNANT, stakes(BetType.SIMPLE_GAGNANT, "1:100000", "2:500000", "3:400000"),
                        arrival("1 2", 7, 3), List.of("gagnant 1=510"), new long[] {400_000, 83_400, 0, 510_000, 6_600}),
                // minimum funded: 1 + 610 / 8,000 = 1.07 -> 1.10 costs 8,800 of 8,610: the takeout gives 190 (12 % left)
                arguments(BetType.SIMPLE_GAGNANT, stakes(BetType.SIMPLE_GAGNANT, "1:800000", "2:200000"),
                        arrival("1 2", 8), List.of("gagnant 1=110"), new long[] {0, 120_000, 0, 880_000, 0}),
                // minimum not fundable: 1.10 x 9,000 = 9,900 would leave a 1 % margin: the pool is refunded
                arguments(BetType.SIMPLE_GAGNANT, stakes(BetType.SIMPLE_GAGNANT, "1:900000", "2:100000"),
                        arrival("1 2", 8), List.of(), new long[] {1_000_000, 0, 0, 0, 0}),
                // Simple Placé, 8 starters: profit 8,610 - 3,500 = 5,110, a third each over 2,000 / 1,000 / 500
                arguments(BetType.SIMPLE_PLACE, stakes(BetType.SIMPLE_PLACE, "1:200000", "2:100000", "3:50000", "4:650000"),
                        arrival("1 2 3 4", 8), List.of("place 1=180", "place 2=270", "place 3=440"),
                        new long[] {0, 139_000, 0, 850_000, 11_000}),
                // 7 starters, two placed: profit 5,610 / 2: 1 + 2,805/2,000 = 2.40, 1 + 2,805/1,000 = 3.80
                arguments(BetType.SIMPLE_PLACE, stakes(BetType.SIMPLE_PLACE, "1:200000", "2:100000", "3:50000", "4:650000"),
                        arrival("1 2 3 4", 7), List.of("place 1=240", "place 2=380"),
                        new long[] {0, 139_000, 0, 860_000, 1_000}),
                // placed runner 2 unbacked: its share goes to the others, k = 2; profit 8,610 - 2,500 = 6,110
                // 1 + 3,055 / 2,000 = 2.5275 -> 2.50; 1 + 3,055 / 500 = 7.11 -> 7.10
                arguments(BetType.SIMPLE_PLACE, stakes(BetType.SIMPLE_PLACE, "1:200000", "3:50000", "4:750000"),
                        arrival("1 2 3 4", 8), List.of("place 1=250", "place 3=710"),
                        new long[] {0, 139_000, 0, 855_000, 6_000}),
                // fewer than 4 starters: no Simple Placé, the pool is refunded
                arguments(BetType.SIMPLE_PLACE, stakes(BetType.SIMPLE_PLACE, "1:200000", "3:50000"),
                        arrival("1 2 3", 3), List.of(), new long[] {250_000, 0, 0, 0, 0}),
                // dead heat for 3rd: 4 placed, profit (8,610 - 10,000 < 0) -> everyone 1.10, funded from the takeout
                arguments(BetType.SIMPLE_PLACE, stakes(BetType.SIMPLE_PLACE, "1:500000", "2:200000", "3:200000", "4:100000"),
                        arrival("1 2 3=4", 8), List.of(), new long[] {1_000_000, 0, 0, 0, 0}),
                // Couplé Gagnant, t 26.70 %, no non-runner: "1 NP" is empty, its 23 % joins "couple"
                // net 7,330; W 1,000: 1 + 6,330 / 1,000 = 7.33 -> 7.30
                arguments(BetType.COUPLE_GAGNANT, stakes(BetType.COUPLE_GAGNANT, "1-2:100000", "1-3:200000", "2-3:300000", "3-4:400000"),
                        arrival("2 1 3 4", 8), List.of("couple 1-2=730"), new long[] {0, 267_000, 0, 730_000, 3_000}),
                // 4 non-runner, arrival 2 3 1: couple {2,3} 2,000, "1 NP" {3,4} 1,000 (3 is 2nd); profit 7,330 - 3,000
                // = 4,330: couple 77 % = 3,334.1 / 2,000 -> 2.66 -> 2.60; 1 NP 23 % = 995.9 / 1,000 -> 1.99 -> 1.90
                arguments(BetType.COUPLE_GAGNANT, stakes(BetType.COUPLE_GAGNANT, "1-2:400000", "1-3:300000", "2-3:200000", "3-4:100000"),
                        arrival("2 3 1", 7, 4), List.of("couple 2-3=260", "1-np 3-4=190"),
                        new long[] {0, 267_000, 0, 710_000, 23_000}),
                // Couplé Ordre: 1-2 wins, 2-1 loses; "1 NP" empty joins "ordre": 1 + 6,330 / 1,000 -> 7.30
                arguments(BetType.COUPLE_ORDRE, stakes(BetType.COUPLE_ORDRE, "1-2:100000", "2-1:300000", "3-1:600000"),
                        arrival("1 2 3", 8), List.of("ordre 1-2=730"), new long[] {0, 267_000, 0, 730_000, 3_000}),
                // Couplé Ordre with 9 non-runner: 9-1 wins "1 NP" (1 is in the first two); profit 7,330 - 2,000 = 5,330
                // ordre 86 % / 1,000 -> 5.58 -> 5.50; 1 NP 14 % / 1,000 -> 1.75 -> 1.70
                arguments(BetType.COUPLE_ORDRE, stakes(BetType.COUPLE_ORDRE, "1-2:100000", "9-1:100000", "3-4:800000"),
                        arrival("1 2 3", 8, 9), List.of("ordre 1-2=550", "1-np 9-1=170"),
                        new long[] {0, 267_000, 0, 720_000, 13_000}),
                // dead heat for 1st: 1-2 and 2-1 both win, the profit 4,330 split equally: 1 + 2,165 / 1,000 -> 3.10;
                // 1 + 2,165 / 2,000 = 2.08 -> 2.00
                arguments(BetType.COUPLE_ORDRE, stakes(BetType.COUPLE_ORDRE, "1-2:100000", "2-1:200000", "3-1:700000"),
                        arrival("1=2 3", 8), List.of("ordre 1-2=310", "ordre 2-1=200"),
                        new long[] {0, 267_000, 0, 710_000, 23_000}),
                // Couplé Placé: three winning pairs, profit 7,330 - 4,000 = 3,330, a third (1,110) each
                // {1,2} and {1,3}: 1 + 1,110/1,000 -> 2.10; {2,3}: 1 + 1,110/2,000 = 1.555 -> 1.50
                arguments(BetType.COUPLE_PLACE, stakes(BetType.COUPLE_PLACE, "1-2:100000", "1-3:100000", "2-3:200000", "4-5:600000"),
                        arrival("1 2 3 4 5", 8), List.of("couple 1-2=210", "couple 1-3=210", "couple 2-3=150"),
                        new long[] {0, 267_000, 0, 720_000, 13_000}),
                // Couplé Placé, 3 and 4 tied for 3rd: {1,3} and {2,4} win, {3,4} does not (one place left for them);
                // profit 7,330 - 2,000 = 5,330 halved: 1 + 2,665 / 1,000 -> 3.60
                arguments(BetType.COUPLE_PLACE, stakes(BetType.COUPLE_PLACE, "1-3:100000", "2-4:100000", "3-4:800000"),
                        arrival("1 2 3=4", 8), List.of("couple 1-3=360", "couple 2-4=360"),
                        new long[] {0, 267_000, 0, 720_000, 13_000}),
                // Tiercé, t 22.65 %, no non-runner: the NP ranks' 40 % join "desordre" (90 %), "ordre" 10 %
                // net 7,735; W 600 (every winning combination once); profit 7,135
                // desordre: 100 + 100 x 6,421.5 / 600 = 1,170.25 cents; ordre adds 100 x 713.5 / 100 = 713.5 -> 1,883.75
                arguments(BetType.TIERCE, stakes(BetType.TIERCE, "1-2-3:10000", "2-1-3:20000", "3-2-1:30000", "4-5-6:940000"),
                        arrival("1 2 3 4 5 6", 8), List.of("ordre 1-2-3=1880", "desordre 2-1-3=1170", "desordre 3-2-1=1170"),
                        new long[] {0, 226_500, 0, 773_000, 500}),
                // Tiercé with non-runners 7, 8 and 9: 7-8-9 refunded (500); net 0.7735 x 9,500 = 7,348.25; W 1,000;
                // profit 6,348.25: ordre 634.825 / 100, desordre 3,174.125 / 300, 1 NP 1,904.475 / 300, 2 NP 634.825 / 400
                // 1-2-3: 1 + 6.34825 + 10.58042 -> 17.90; 3-1-2: 11.58 -> 11.50; 1-7-2: 7.348 -> 7.30; 7-8-1: 2.587 -> 2.50
                arguments(BetType.TIERCE, stakes(BetType.TIERCE, "1-2-3:10000", "3-1-2:20000", "1-7-2:30000", "7-8-1:40000",
                        "7-8-9:50000", "4-5-6:850000"), arrival("1 2 3 4 5 6", 8, 7, 8, 9),
                        List.of("ordre 1-2-3=1790", "desordre 3-1-2=1150", "1-np 1-7-2=730", "2-np 7-8-1=250"),
                        new long[] {50_000, 215_175, 0, 728_000, 6_825}),
                // Tiercé, dead heat for 2nd: 1-2-3 and 1-3-2 both win "ordre" (its 10 % halved), {1,2,3} is one
                // "desordre" set (90 %); profit 7,735 - 1,000 = 6,735
                // 1-3-2: 1 + 336.75 / 300 + 6,061.5 / 1,000 = 8.18 -> 8.10; 1-2-3: 1 + 3.3675 + 6.0615 -> 10.40
                arguments(BetType.TIERCE, stakes(BetType.TIERCE, "1-2-3:10000", "1-3-2:30000", "3-2-1:60000", "4-5-6:900000"),
                        arrival("1 2=3 4", 8), List.of("ordre 1-2-3=1040", "ordre 1-3-2=810", "desordre 3-2-1=700"),
                        new long[] {0, 226_500, 0, 767_000, 6_500}));
    }

    @Test
    void sharesThatDoNotCoverTheProfitAreRefused() {
        PoolRules rules = PmuRules.online2020(BetType.COUPLE_GAGNANT);
        PoolRules partial = new PoolRules(rules.takeoutBp(), rules.reserveCoefficientBp(), Map.of(PmuRules.COUPLE, 7700),
                rules.minimumDividendCents(), rules.roundingCents(), rules.minimumMarginBp(), rules.reserveFundBp(),
                rules.emptyRank(), rules.deductions());
        assertThatThrownBy(() -> PoolDividends.compute(BetType.COUPLE_GAGNANT, partial,
                List.of(arrival("1 2", 8)), stakes(BetType.COUPLE_GAGNANT, "1-2:100"), PoolExtras.NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("10000");
    }

    @Test
    void ratesOutOfRangeAreRefused() {
        PoolRules rules = PmuRules.online2020(BetType.SIMPLE_GAGNANT);
        PoolRules negative = new PoolRules(rules.takeoutBp(), -1, rules.rankSharesBp(), rules.minimumDividendCents(),
                rules.roundingCents(), rules.minimumMarginBp(), rules.reserveFundBp(), rules.emptyRank(),
                rules.deductions());
        assertThatThrownBy(() -> PoolDividends.compute(BetType.SIMPLE_GAGNANT, negative, List.of(arrival("1 2", 8)),
                stakes(BetType.SIMPLE_GAGNANT, "1:100"), PoolExtras.NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("out of range");
        assertThatThrownBy(() -> PoolDividends.compute(BetType.SIMPLE_GAGNANT, rules.withTakeout(10_000),
                List.of(arrival("1 2", 8)), stakes(BetType.SIMPLE_GAGNANT, "1:100"), PoolExtras.NONE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "{0} {2} -> {3}")
    @MethodSource("cases")
    void dividendsAndAccounts(BetType type, PoolTotals stakes, Arrival arrival, List<String> expected, long[] accounts) {
        PoolResult result = compute(type, arrival, stakes);
        assertThat(dividends(result)).containsExactlyElementsOf(expected);
        PoolAccounts actual = result.accounts();
        assertThat(new long[] {actual.refundsCents(), actual.takeoutCents(), actual.reserveInCents(),
                actual.payoutsCents(), actual.breakageCents()}).containsExactly(accounts);
        assertThat(actual.wholePoolRefunded()).isEqualTo(accounts[0] == stakes.total());
    }
}
