package dev.paddock.bench.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class AthletesTest {

    private final Athletes athletes = new Athletes("run1", 42);

    @Test
    void athleteNIsAlwaysTheSamePersonForTheSameRunAndSeed() {
        assertThat(new Athletes("run1", 42).athlete(1234)).isEqualTo(athletes.athlete(1234));
        assertThat(new Athletes("run1", 43).athlete(1234)).isNotEqualTo(athletes.athlete(1234));
    }

    @Test
    void twentyThousandAthletesAreDistinctPeopleWithValuesTheRegistrationApiAccepts() {
        Set<String> emails = new HashSet<>();
        Set<String> genders = new HashSet<>();
        int withClub = 0;
        for (int n = 0; n < 20_000; n++) {
            Athletes.Athlete athlete = athletes.athlete(n);
            emails.add(athlete.email());
            genders.add(athlete.gender());
            withClub += athlete.club() == null ? 0 : 1;
            assertThat(athlete.firstName()).isNotBlank().hasSizeLessThanOrEqualTo(60);
            assertThat(athlete.lastName()).isNotBlank().hasSizeLessThanOrEqualTo(60);
            assertThat(athlete.gender()).isIn("F", "M", "X");
            assertThat(athlete.birthDate()).isBetween(LocalDate.of(1950, 1, 1), LocalDate.of(2006, 1, 1));
            assertThat(athlete.nationality()).matches("[A-Z]{2}");
            assertThat(athlete.tshirt()).isIn(Athletes.SIZES);
            assertThat(RushEvent.answers(athlete)).containsEntry("consent", true).containsKey("tshirt");
        }
        assertThat(emails).hasSize(20_000);
        assertThat(genders).containsExactlyInAnyOrder("F", "M", "X");
        assertThat(withClub).isBetween(9_000, 11_000);
    }

    @Test
    void theWaitlistShareIsAFixedSplitOfTheAttempts() {
        Attempts attempts = new Attempts(null, null, "race", List.of(), athletes, "run1", 10_000, 0.3, 0);
        Attempts again = new Attempts(null, null, "other", List.of(), new Athletes("run2", 7), "run2", 10_000, 0.3, 0);

        long waitlisted = IntStream.range(0, 10_000).filter(attempts::waitlist).count();

        assertThat(waitlisted).isBetween(2_900L, 3_100L);
        assertThat(IntStream.range(0, 10_000).filter(again::waitlist).boxed().toList())
                .isEqualTo(IntStream.range(0, 10_000).filter(attempts::waitlist).boxed().toList());
        assertThat(IntStream.range(0, 1_000).filter(n -> new Attempts(null, null, "race", List.of(), athletes, "run1", 1_000,
                0.0, 0).waitlist(n))).isEmpty();
    }
}
