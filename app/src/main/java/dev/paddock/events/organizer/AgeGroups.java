package dev.paddock.events.organizer;

import dev.paddock.events.rules.AgeCategories;
import dev.paddock.events.rules.AgeCategory;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Turns counts of confirmed registrations per race, gender and birth date into the dashboard's category
 * and age-band breakdowns. Categories are each race's own (or the standard set), ages counted on the
 * race's basis and race day; the same code in two races adds up.
 */
final class AgeGroups {

    static final String NO_CATEGORY = "-";

    /** A race's category rules. */
    record RaceRules(List<AgeCategory> categories, AgeCategories.Basis basis, LocalDate raceDay) {
    }

    /** How many confirmed registrations of a race share a gender and a birth date. */
    record Cohort(UUID raceId, String gender, LocalDate birthDate, long count) {
    }

    record Breakdown(List<Count> categories, List<Count> ageBands) {
    }

    private AgeGroups() {
    }

    /** The athlete's category code in the race, or {@link #NO_CATEGORY}. */
    static String category(RaceRules rules, String gender, LocalDate birthDate) {
        List<AgeCategory> list = rules.categories().isEmpty() ? AgeCategories.standard() : rules.categories();
        return AgeCategories.of(list, gender, birthDate, rules.raceDay(), rules.basis()).map(AgeCategory::code)
                .orElse(NO_CATEGORY);
    }

    static Breakdown of(List<Cohort> cohorts, Map<UUID, RaceRules> races) {
        Map<String, Long> categories = new LinkedHashMap<>();
        Map<String, Long> bands = new LinkedHashMap<>();
        AgeBands.ALL.forEach(band -> bands.put(band, 0L));
        for (Cohort cohort : cohorts) {
            RaceRules rules = races.get(cohort.raceId());
            String category = category(rules, cohort.gender(), cohort.birthDate());
            categories.merge(category, cohort.count(), Long::sum);
            int age = AgeCategories.age(cohort.birthDate(), rules.raceDay(), rules.basis());
            bands.merge(AgeBands.of(age), cohort.count(), Long::sum);
        }
        List<Count> byCategory = new ArrayList<>(categories.entrySet().stream().map(e -> new Count(e.getKey(), e.getValue())).toList());
        byCategory.sort(Comparator.comparing(Count::label));
        return new Breakdown(byCategory, bands.entrySet().stream().map(e -> new Count(e.getKey(), e.getValue())).toList());
    }
}
