package dev.paddock.events.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paddock.events.rules.AgeCategories;
import dev.paddock.events.rules.AgeCategory;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RaceRulesTest {

    static final ZoneId ZURICH = ZoneId.of("Europe/Zurich");
    static final LocalDate DAY = LocalDate.of(2030, 6, 2);
    static final Instant START = Instant.parse("2030-06-02T07:00:00Z");

    static RaceSettings race(Instant startsAt, Instant opens, Instant closes, Integer minAge, Integer maxAge, Team team,
            List<AgeCategory> categories) {
        return new RaceSettings("m", "Marathon", 42195, 0, startsAt, RaceSettings.Mode.FIRST_COME, opens, closes, minAge,
                maxAge, team, RaceSettings.BibMode.AT_PAYMENT, 48, categories, AgeCategories.Basis.AGE_ON_RACE_DAY);
    }

    static RaceSettings ok() {
        return race(START, START.minusSeconds(86_400 * 100), START.minusSeconds(86_400), 18, null, null, List.of());
    }

    static Stream<Arguments> races() {
        Instant opens = START.minusSeconds(86_400 * 100);
        return Stream.of(
                Arguments.of("fine", ok(), List.of()),
                Arguments.of("closes at the start", race(START, opens, START, null, null, null, List.of()), List.of()),
                Arguments.of("closes after the start", race(START, opens, START.plusSeconds(1), null, null, null, List.of()),
                        List.of("registrationClosesAt:after-start")),
                Arguments.of("closes before it opens", race(START, opens, opens, null, null, null, List.of()),
                        List.of("registrationClosesAt:range")),
                Arguments.of("race the day before the event (zone's day)",
                        race(Instant.parse("2030-06-01T21:59:00Z"), opens, Instant.parse("2030-06-01T20:00:00Z"), null, null,
                                null, List.of()), List.of("startsAt:outside-event")),
                Arguments.of("midnight in Zürich is the event's day",
                        race(Instant.parse("2030-06-01T22:00:00Z"), opens, Instant.parse("2030-06-01T20:00:00Z"), null, null,
                                null, List.of()), List.of()),
                Arguments.of("ages inverted", race(START, opens, START, 40, 30, null, List.of()), List.of("maxAge:range")),
                Arguments.of("team", race(START, opens, START, null, null, new Team(3, 3, 1, Team.GenderRule.MIXED), List.of()),
                        List.of()),
                Arguments.of("team inverted", race(START, opens, START, null, null, new Team(4, 3, 0, Team.GenderRule.ANY),
                        List.of()), List.of("team.maxSize:range")),
                Arguments.of("team too big", race(START, opens, START, null, null, new Team(1, 51, 0, Team.GenderRule.ANY),
                        List.of()), List.of("team.maxSize:range")),
                Arguments.of("mixed solo", race(START, opens, START, null, null, new Team(1, 1, 0, Team.GenderRule.MIXED),
                        List.of()), List.of("team.genderRule:mixed-needs-two")),
                Arguments.of("too many substitutes", race(START, opens, START, null, null,
                        new Team(2, 2, 11, Team.GenderRule.ANY), List.of()), List.of("team.substitutes:range")),
                Arguments.of("category twice", race(START, opens, START, null, null, null,
                        List.of(new AgeCategory("Open", null, 0, null), new AgeCategory("Open", "F", 0, null))),
                        List.of("categories[1].code:duplicate")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("races")
    void problems(String title, RaceSettings race, List<String> expected) {
        assertThat(RaceRules.problems(race, DAY, DAY, ZURICH).stream().map(p -> p.field() + ":" + p.code()).toList())
                .containsExactlyInAnyOrderElementsOf(expected);
    }
}
