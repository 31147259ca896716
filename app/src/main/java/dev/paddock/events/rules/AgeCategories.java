package dev.paddock.events.rules;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The category an athlete races in. Ages count either on race day (the athletics rule) or as the age
 * reached during the race's year (by birth year, usual in Swiss and German races). The first category of
 * the list that holds the athlete wins, so organizers list specific ones first.
 */
public final class AgeCategories {

    public enum Basis {
        AGE_ON_RACE_DAY, BIRTH_YEAR
    }

    private AgeCategories() {
    }

    /**
     * Ten-year bands per gender from 20 (U20, 20, 30 ... 70+), e.g. W20, M40, X-U20: the default when an
     * organizer sets none.
     */
    public static List<AgeCategory> standard() {
        List<AgeCategory> categories = new ArrayList<>();
        for (String gender : List.of("F", "M", "X")) {
            String prefix = gender.equals("F") ? "W" : gender;
            categories.add(new AgeCategory(prefix + "-U20", gender, 0, 19));
            for (int from = 20; from < 70; from += 10) {
                categories.add(new AgeCategory(prefix + from, gender, from, from + 9));
            }
            categories.add(new AgeCategory(prefix + "70", gender, 70, null));
        }
        return List.copyOf(categories);
    }

    public static int age(LocalDate birthDate, LocalDate raceDay, Basis basis) {
        return switch (basis) {
            case AGE_ON_RACE_DAY -> Period.between(birthDate, raceDay).getYears();
            case BIRTH_YEAR -> raceDay.getYear() - birthDate.getYear();
        };
    }

    /** The athlete's category, or empty if none of the list holds them. */
    public static Optional<AgeCategory> of(List<AgeCategory> categories, String gender, LocalDate birthDate,
            LocalDate raceDay, Basis basis) {
        int age = age(birthDate, raceDay, basis);
        return categories.stream().filter(category -> category.holds(gender, age)).findFirst();
    }
}
