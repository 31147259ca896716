package dev.paddock.parimutuel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DividendsTest {

    static Stream<Arguments> simpleGagnant() {
        return Stream.of(
                // 10,000 EUR, 13.90 %: net 8,610 EUR over 1,000 EUR on the winner = 8.61 -> 8.60
                arguments(1_000_000L, 100_000L, 1390, 860L),
                // exactly on a 10-cent step stays there: net 9,000 over 1,500 = 6.00
                arguments(1_000_000L, 150_000L, 1000, 600L),
                // one cent short of the step rounds down: 5.999... -> 5.90
                arguments(999_999L, 150_000L, 1000, 590L),
                // heavy favourite: 0.861 x 10,000 / 9,000 = 0.95 -> the 1.10 minimum
                arguments(1_000_000L, 900_000L, 1390, 110L),
                // exactly 1.10
                arguments(1_100L, 1_000L, 0, 110L),
                // the winner holds the whole pool
                arguments(500_000L, 500_000L, 1390, 110L));
    }

    @ParameterizedTest(name = "T={0} W={1} t={2}bp -> {3}")
    @MethodSource("simpleGagnant")
    void simpleGagnant(long total, long winner, int takeoutBp, long expected) {
        assertThat(Dividends.simpleGagnant(total, winner, takeoutBp)).isEqualTo(expected);
    }

    static Stream<Arguments> simplePlace() {
        return Stream.of(
                // net 8,610 of 10,000 EUR; placed 2,000 + 1,000 + 500: profit 5,110 / 3 = 1,703.33 per runner
                arguments(1_000_000L, new long[] {200_000, 100_000, 50_000}, 0, 1390, 180L),  // 1 + 1703.33/2000 = 1.85
                arguments(1_000_000L, new long[] {200_000, 100_000, 50_000}, 1, 1390, 270L),  // 1 + 1.7033 = 2.70
                arguments(1_000_000L, new long[] {200_000, 100_000, 50_000}, 2, 1390, 440L),  // 1 + 3.4066 = 4.40
                // two placed (4-7 starters): 1 + (8,610 - 2,500) / 2 / 2,000 = 2.5275 -> 2.50
                arguments(1_000_000L, new long[] {200_000, 50_000}, 0, 1390, 250L),
                // negative profit: placed runners hold more than the net pool
                arguments(1_000_000L, new long[] {500_000, 400_000, 50_000}, 2, 1390, 110L),
                // a placed runner nobody backed leaves its share to the others: k = 2, as just above
                arguments(1_000_000L, new long[] {200_000, 0, 50_000}, 0, 1390, 250L));
    }

    @ParameterizedTest(name = "T={0} i={2} -> {4}")
    @MethodSource("simplePlace")
    void simplePlace(long total, long[] placed, int index, int takeoutBp, long expected) {
        assertThat(Dividends.simplePlace(total, placed, index, takeoutBp)).isEqualTo(expected);
    }

    @Test
    void shareOfTheProfitForARank() {
        // Couplé: net 7,330 of 10,000 EUR, 400 EUR on the pair, 77 % of the profit: 1 + 0.77 x 6,930 / 400 = 14.34
        assertThat(Dividends.dividend(1_000_000, 40_000, 40_000, 2670, 7700, 10_000)).isEqualTo(1430);
    }

    @Test
    void hugePoolsStayExact() {
        long total = 4_000_000_000_000_000L;
        assertThat(Dividends.simpleGagnant(total, total / 4, 2000)).isEqualTo(320);
    }

    @Test
    void refusesInconsistentInputs() {
        assertThatThrownBy(() -> Dividends.simpleGagnant(1000, 0, 1390)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Dividends.simpleGagnant(1000, 100, 10_000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Dividends.simplePlace(1000, new long[] {100, 0}, 1, 1390))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
