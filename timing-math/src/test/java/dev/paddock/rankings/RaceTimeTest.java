package dev.paddock.rankings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paddock.rankings.RaceTime.Precision;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RaceTimeTest {

    @ParameterizedTest(name = "{0} = {1} ms")
    @CsvSource({
            "2:09:17,      7757000",
            "02:09:17,     7757000",
            "0:14:43,      883000",
            "59:58,        3598000",
            "1:04:02.4,    3842400",
            "'1:04:02,35', 3842350",
            "9:58.123,     598123",
            "100:00:00,    360000000",
    })
    void readsTheUsualNotations(String text, long millis) {
        assertThat(RaceTime.parse(text)).isEqualTo(millis);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0.124548611", "2:60:00", "1:2:3", "abc", "-1:00:00", "1:00:61"})
    void refusesAnythingElse(String text) {
        assertThatThrownBy(() -> RaceTime.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "{0} ms at {1}: {2}")
    @CsvSource({
            "7757000, SECONDS,    2:09:17",
            "7757001, SECONDS,    2:09:18",
            "7756999, SECONDS,    2:09:17",
            "3598000, SECONDS,    59:58",
            "3599001, SECONDS,    1:00:00",
            "598123,  TENTHS,     9:58.2",
            "598123,  HUNDREDTHS, 9:58.13",
            "598120,  HUNDREDTHS, 9:58.12",
            "0,       SECONDS,    0:00",
    })
    void displayRoundsUpNeverDown(long millis, Precision precision, String shown) {
        assertThat(RaceTime.format(millis, precision)).isEqualTo(shown);
    }

    @ParameterizedTest(name = "{0} over {1} m: {2} per km")
    @CsvSource({
            "7757000, 42195, 3:04",
            "3600000, 10000, 6:00",
            "1500001, 5000,  5:01",
    })
    void paceIsPerKilometreRoundedUp(long millis, int metres, String pace) {
        assertThat(RaceTime.pacePerKm(millis, metres)).isEqualTo(pace);
    }
}
