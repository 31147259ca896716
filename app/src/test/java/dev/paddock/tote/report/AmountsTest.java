package dev.paddock.tote.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AmountsTest {

    @ParameterizedTest
    @CsvSource({"0, 0.00", "5, 0.05", "10, 0.10", "99, 0.99", "100, 1.00", "123456, 1234.56", "-5, -0.05",
            "-123456, -1234.56", "9223372036854775807, 92233720368547758.07"})
    void eurosHaveTwoDecimalsAndNoGrouping(long cents, String euros) {
        assertThat(Amounts.euros(cents)).isEqualTo(euros);
    }

    @ParameterizedTest
    @CsvSource({"1390, 13.90", "3565, 35.65", "0, 0.00", "10000, 100.00"})
    void ratesArePercentWithTwoDecimals(int bp, String percent) {
        assertThat(Amounts.percent(bp)).isEqualTo(percent);
    }

    @ParameterizedTest
    @CsvSource({
            "450, 150, 3.00",   // three unit stakes of 1.50
            "100, 200, 0.50",   // a flexi half unit of Quinté+
            "100, 300, 0.33",   // 0.3333 rounds down
            "200, 300, 0.67",   // 0.6666 rounds up
            "1, 200, 0.00",     // 0.005: half, to the even 0.00
            "3, 200, 0.02",     // 0.015: half, to the even 0.02
            "0, 100, 0.00"})
    void winningUnitsAreStakesOverTheUnitStake(long stake, long unit, String units) {
        assertThat(Amounts.units(stake, unit)).isEqualTo(units);
    }

    @ParameterizedTest
    @CsvSource(value = {"NULL, ''", "0, 0", "42, 42"}, nullValues = "NULL")
    void missingCountsAreEmpty(Long count, String text) {
        assertThat(Amounts.count(count)).isEqualTo(text);
        assertThat(Amounts.euros(count)).isEqualTo(count == null ? "" : Amounts.euros(count.longValue()));
    }
}
