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
            "1,       SECONDS,    0:01",
            "61000,   SECONDS,    1:01",
            "600000,  SECONDS,    10:00",
            "3600000, SECONDS,    1:00:00",
            "3660000, SECONDS,    1:01:00",
            "36005000, SECONDS,   10:00:05",
            "360000000, SECONDS,  100:00:00",
            "3600050, TENTHS,     1:00:00.1",
            "3605000, TENTHS,     1:00:05.0",
            "3601010, HUNDREDTHS, 1:00:01.01",
            "3601000, HUNDREDTHS, 1:00:01.00",
            "99,      HUNDREDTHS, 0:00.10",
    })
    void displayRoundsUpNeverDown(long millis, Precision precision, String shown) {
        assertThat(RaceTime.format(millis, precision)).isEqualTo(shown);
    }

    @ParameterizedTest(name = "{0} ms at {1}")
    @ValueSource(longs = {0, 1, 999, 1000, 59_999, 60_000, 3_599_999, 3_600_000, 7_757_001, 35_999_999, 360_000_000})
    void displayIsTheFormattedTime(long millis) {
        for (Precision precision : Precision.values()) {
            long unit = 1000 / (precision == Precision.SECONDS ? 1 : precision == Precision.TENTHS ? 10 : 100);
            long units = Math.ceilDiv(millis, unit);
            long perSecond = 1000 / unit;
            long seconds = units / perSecond;
            String base = seconds >= 3600 ? "%d:%02d:%02d".formatted(seconds / 3600, seconds / 60 % 60, seconds % 60)
                    : "%d:%02d".formatted(seconds / 60, seconds % 60);
            String shown = switch (precision) {
                case SECONDS -> base;
                case TENTHS -> base + "." + units % perSecond;
                case HUNDREDTHS -> base + "." + "%02d".formatted(units % perSecond);
            };
            assertThat(RaceTime.format(millis, precision)).isEqualTo(shown);
        }
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
