package dev.paddock.timing.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TimeOfDayTest {

    static final ZoneId ZURICH = ZoneId.of("Europe/Zurich");

    @ParameterizedTest(name = "{1} after a start at {0}: {2}")
    @CsvSource({
            "2027-04-25T07:30:00Z, 10:12:05,    2027-04-25T08:12:05Z",
            "2027-04-25T07:30:00Z, 09:00:00,    2027-04-25T07:00:00Z",
            "2027-04-25T07:30:00Z, 08:00:00,    2027-04-26T06:00:00Z",
            "2027-06-12T20:00:00Z, 01:30:00,    2027-06-12T23:30:00Z",
            "2027-06-12T22:30:00Z, 00:45:10.5,  2027-06-12T22:45:10.500Z",
    })
    void aTimeOfDayIsTheFirstSuchMomentFromAnHourBeforeTheStart(Instant start, LocalTime time, Instant expected) {
        assertThat(TimingDeskController.atTimeOfDay(time, start, ZURICH)).isEqualTo(expected);
    }
}
