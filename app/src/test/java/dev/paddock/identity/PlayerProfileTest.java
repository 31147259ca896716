package dev.paddock.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlayerProfileTest {

    @ParameterizedTest(name = "born {0}, on {1}: adult {2}")
    @CsvSource({
            "2008-06-15, 2026-06-14, false",
            "2008-06-15, 2026-06-15, true",
            "2008-06-15, 2026-06-16, true",
            "2008-02-29, 2026-02-28, false",
            "2008-02-29, 2026-03-01, true",
            "2008-02-29, 2028-02-29, true",
            "2010-01-01, 2026-01-01, false",
            "1950-12-31, 2026-01-01, true",
            "2030-01-01, 2026-01-01, false"})
    void adultFromTheEighteenthBirthday(LocalDate born, LocalDate day, boolean adult) {
        PlayerProfile profile = new PlayerProfile(born, "FR", null, null, 18);
        assertThat(profile.isAdultOn(day)).isEqualTo(adult);
    }

    @ParameterizedTest(name = "age of majority {0}")
    @CsvSource({"18, false", "16, true"})
    void ageOfMajorityIsASetting(int age, boolean adult) {
        PlayerProfile profile = new PlayerProfile(LocalDate.of(2009, 1, 1), "FR", null, null, age);
        assertThat(profile.isAdultOn(LocalDate.of(2026, 1, 1))).isEqualTo(adult);
    }

    @ParameterizedTest(name = "excluded until {0}, at {1}: {2}")
    @CsvSource({
            "2026-01-10T00:00:00Z, 2026-01-09T23:59:59Z, true",
            "2026-01-10T00:00:00Z, 2026-01-10T00:00:00Z, false",
            "2026-01-10T00:00:00Z, 2026-02-01T00:00:00Z, false",
            ", 2026-02-01T00:00:00Z, false"})
    void selfExclusionEndsAtItsInstant(Instant until, Instant at, boolean excluded) {
        PlayerProfile profile = new PlayerProfile(LocalDate.of(1990, 1, 1), "FR", until, null, 18);
        assertThat(profile.isSelfExcludedAt(at)).isEqualTo(excluded);
    }
}
