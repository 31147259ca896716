package dev.paddock.events.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paddock.events.rules.RegistrationWindow.State;
import dev.paddock.events.rules.RegistrationWindow.Stored;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RegistrationWindowTest {

    static final Instant OPENS = Instant.parse("2027-01-10T09:00:00Z");
    static final Instant CLOSES = Instant.parse("2027-03-01T00:00:00Z");

    @ParameterizedTest(name = "{0} at {1}: {2}")
    @CsvSource({
            "SCHEDULED, 2027-01-10T08:59:59.999Z, NOT_YET_OPEN",
            "SCHEDULED, 2027-01-10T09:00:00Z,     OPEN",
            "SCHEDULED, 2027-02-28T23:59:59.999Z, OPEN",
            "SCHEDULED, 2027-03-01T00:00:00Z,     CLOSED",
            "OPEN,      2027-01-01T00:00:00Z,     OPEN",
            "OPEN,      2027-03-01T00:00:00Z,     CLOSED",
            "CLOSED,    2027-01-01T00:00:00Z,     CLOSED",
            "CLOSED,    2027-02-01T00:00:00Z,     CLOSED",
    })
    void theStoredStateAndTheWindowDecide(Stored stored, Instant now, State expected) {
        assertThat(RegistrationWindow.at(now, stored, OPENS, CLOSES)).isEqualTo(expected);
    }
}
