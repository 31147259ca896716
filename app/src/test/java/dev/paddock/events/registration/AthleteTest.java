package dev.paddock.events.registration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paddock.events.rules.AgeCategories.Basis;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AthleteTest {

    private static final LocalDate RACE_DAY = LocalDate.of(2026, 4, 26);
    private static final Athlete ANN = new Athlete("Ann", "Muster", "F", LocalDate.of(1990, 5, 31), "CH", "ann@example.com");

    static Stream<Arguments> athletes() {
        return Stream.of(
                Arguments.of(ANN, List.of()),
                Arguments.of(new Athlete(" ", "Muster", "F", ANN.birthDate(), "CH", "a@b.ch"), List.of("athlete.firstName:size")),
                Arguments.of(new Athlete("Ann", "x".repeat(61), "F", ANN.birthDate(), "CH", "a@b.ch"),
                        List.of("athlete.lastName:size")),
                Arguments.of(new Athlete("Ann", "Muster", "W", ANN.birthDate(), "CH", "a@b.ch"), List.of("athlete.gender:gender")),
                Arguments.of(new Athlete("Ann", "Muster", null, ANN.birthDate(), "CH", "a@b.ch"), List.of("athlete.gender:gender")),
                Arguments.of(new Athlete("Ann", "Muster", "X", ANN.birthDate(), "CHE", "a@b.ch"),
                        List.of("athlete.nationality:country")),
                Arguments.of(new Athlete("Ann", "Muster", "F", ANN.birthDate(), "ch", "a@b.ch"),
                        List.of("athlete.nationality:country")),
                Arguments.of(new Athlete("Ann", "Muster", "F", ANN.birthDate(), "CH", "ann.example.com"),
                        List.of("athlete.email:email")),
                Arguments.of(new Athlete("Ann", "Muster", "F", null, "CH", "a@b.ch"), List.of("athlete.birthDate:required")),
                Arguments.of(new Athlete("Ann", "Muster", "F", RACE_DAY, "CH", "a@b.ch"), List.of("athlete.birthDate:date")),
                Arguments.of(new Athlete("Ann", "Muster", "F", LocalDate.of(1850, 1, 1), "CH", "a@b.ch"),
                        List.of("athlete.birthDate:date")),
                Arguments.of(new Athlete(null, null, null, null, null, null), List.of("athlete.firstName:size",
                        "athlete.lastName:size", "athlete.gender:gender", "athlete.nationality:country",
                        "athlete.email:email", "athlete.birthDate:required")));
    }

    @ParameterizedTest
    @MethodSource("athletes")
    void checksEachField(Athlete athlete, List<String> expected) {
        assertThat(athlete.problems("athlete", RACE_DAY, Basis.AGE_ON_RACE_DAY, null, null))
                .extracting(p -> p.field() + ":" + p.code()).containsExactlyInAnyOrderElementsOf(expected);
    }

    static Stream<Arguments> ages() {
        return Stream.of(
                Arguments.of("2008-04-26", Basis.AGE_ON_RACE_DAY, List.of()),
                Arguments.of("2008-04-27", Basis.AGE_ON_RACE_DAY, List.of("too-young")),
                Arguments.of("2008-12-31", Basis.BIRTH_YEAR, List.of()),
                Arguments.of("2009-01-01", Basis.BIRTH_YEAR, List.of("too-young")),
                Arguments.of("1956-04-27", Basis.AGE_ON_RACE_DAY, List.of()),
                Arguments.of("1956-04-26", Basis.AGE_ON_RACE_DAY, List.of("too-old")),
                Arguments.of("1956-01-01", Basis.BIRTH_YEAR, List.of("too-old")));
    }

    @ParameterizedTest(name = "born {0} ({1})")
    @MethodSource("ages")
    void checksMinAndMaxAgeOnRaceDay(String birthDate, Basis basis, List<String> expected) {
        Athlete athlete = new Athlete("A", "B", "M", LocalDate.parse(birthDate), "CH", "a@b.ch");
        assertThat(athlete.problems("members[1].athlete", RACE_DAY, basis, 18, 69))
                .extracting(p -> p.code()).containsExactlyElementsOf(expected);
        assertThat(athlete.problems("members[1].athlete", RACE_DAY, basis, 18, 69))
                .allMatch(p -> p.field().equals("members[1].athlete.birthDate"));
    }

    @Test
    void normalizesWhatPeopleType() {
        Athlete typed = new Athlete(" Ann ", "Muster ", "F", ANN.birthDate(), " ch", " Ann@Example.COM ");
        assertThat(typed.normalized()).isEqualTo(new Athlete("Ann", "Muster", "F", ANN.birthDate(), "CH", "ann@example.com"));
    }
}
