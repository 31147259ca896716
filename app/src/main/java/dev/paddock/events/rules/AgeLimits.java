package dev.paddock.events.rules;

import dev.paddock.shared.ProblemException.FieldProblem;
import java.time.LocalDate;

/** Whether a birth date may race: plausible, and within the race's minimum and maximum age on its basis. */
public final class AgeLimits {

    private AgeLimits() {
    }

    /** What is wrong with {@code birthDate} for a race on {@code raceDay}, named {@code field}; null when nothing. */
    public static FieldProblem problem(String field, LocalDate birthDate, LocalDate raceDay, AgeCategories.Basis basis,
            Integer minAge, Integer maxAge) {
        if (birthDate == null) {
            return new FieldProblem(field, "required", "The birth date is required");
        }
        if (!birthDate.isBefore(raceDay) || birthDate.getYear() < 1900) {
            return new FieldProblem(field, "date", "The birth date is not plausible");
        }
        int age = AgeCategories.age(birthDate, raceDay, basis);
        if (minAge != null && age < minAge) {
            return new FieldProblem(field, "too-young", "Athletes are at least " + minAge + " on race day");
        }
        if (maxAge != null && age > maxAge) {
            return new FieldProblem(field, "too-old", "Athletes are at most " + maxAge + " on race day");
        }
        return null;
    }
}
