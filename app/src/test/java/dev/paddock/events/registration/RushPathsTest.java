package dev.paddock.events.registration;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which requests the registration door counts. */
class RushPathsTest {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            "/api/events/races/3f2a/registrations,     true",
            "/api/events/races/3f2a/teams,             true",
            "/api/events/teams/join,                   true",
            "/api/events/registrations/9b1c/accept,    true",
            "/api/events/registrations/9b1c/cancel,    false",
            "/api/events/races/3f2a/lottery,           false",
            "/api/events/zurich-marathon,              false",
            "/api/events/races/3f2a/registrations/x,   false",
    })
    void onlyTheRushPathsAreCounted(String path, boolean counted) {
        assertThat(RegistrationConfiguration.RUSH_PATHS.matcher(path).matches()).isEqualTo(counted);
    }
}
