package dev.paddock.events.organizer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paddock.events.organizer.AgeGroups.Cohort;
import dev.paddock.events.organizer.AgeGroups.RaceRules;
import dev.paddock.events.rules.AgeCategories.Basis;
import dev.paddock.events.rules.AgeCategory;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class AgeGroupsTest {

    static final UUID MARATHON = UUID.randomUUID();
    static final UUID KIDS = UUID.randomUUID();
    static final LocalDate RACE_DAY = LocalDate.of(2027, 4, 18);

    @ParameterizedTest
    @CsvSource({"0,U20", "19,U20", "20,20-29", "29,20-29", "30,30-39", "45,40-49", "59,50-59", "60,60-69", "69,60-69",
            "70,70+", "101,70+"})
    void bandsOfTenYears(int age, String band) {
        assertThat(AgeBands.of(age)).isEqualTo(band);
    }

    static Stream<Arguments> cohorts() {
        Map<UUID, RaceRules> races = Map.of(
                MARATHON, new RaceRules(List.of(), Basis.AGE_ON_RACE_DAY, RACE_DAY),
                KIDS, new RaceRules(List.of(new AgeCategory("Kids", null, 0, 14)), Basis.BIRTH_YEAR, RACE_DAY));
        return Stream.of(
                // 40 on the day before race day: M40; one day later born: still 39 → M30
                Arguments.of(List.of(new Cohort(MARATHON, "M", LocalDate.of(1987, 4, 18), 3),
                        new Cohort(MARATHON, "M", LocalDate.of(1987, 4, 19), 2)), races,
                        Map.of("M40", 3L, "M30", 2L), Map.of("40-49", 3L, "30-39", 2L)),
                // standard categories for women are W..., the same code in two cohorts adds up
                Arguments.of(List.of(new Cohort(MARATHON, "F", LocalDate.of(2010, 1, 1), 4),
                        new Cohort(MARATHON, "F", LocalDate.of(2009, 1, 1), 1)), races,
                        Map.of("W-U20", 5L), Map.of("U20", 5L)),
                // by birth year: born 31 Dec 2012 counts 15 in 2027 → outside Kids; 1 Jan 2013 → 14, Kids
                Arguments.of(List.of(new Cohort(KIDS, "X", LocalDate.of(2012, 12, 31), 2),
                        new Cohort(KIDS, "X", LocalDate.of(2013, 1, 1), 7)), races,
                        Map.of(AgeGroups.NO_CATEGORY, 2L, "Kids", 7L), Map.of("U20", 9L)),
                Arguments.of(List.of(), races, Map.of(), Map.of()));
    }

    @ParameterizedTest
    @MethodSource("cohorts")
    void categoriesAndBands(List<Cohort> cohorts, Map<UUID, RaceRules> races, Map<String, Long> categories,
            Map<String, Long> bands) {
        AgeGroups.Breakdown breakdown = AgeGroups.of(cohorts, races);
        assertThat(breakdown.categories().stream().collect(java.util.stream.Collectors.toMap(Count::label, Count::count)))
                .isEqualTo(categories);
        assertThat(breakdown.ageBands()).extracting(Count::label).isEqualTo(AgeBands.ALL);
        assertThat(breakdown.ageBands().stream().filter(c -> c.count() > 0)
                .collect(java.util.stream.Collectors.toMap(Count::label, Count::count))).isEqualTo(bands);
        assertThat(breakdown.ageBands().stream().mapToLong(Count::count).sum())
                .isEqualTo(cohorts.stream().mapToLong(Cohort::count).sum());
    }
}
