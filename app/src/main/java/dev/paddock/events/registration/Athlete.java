package dev.paddock.events.registration;

import dev.paddock.events.rules.AgeCategories;
import dev.paddock.events.rules.AgeLimits;
import dev.paddock.shared.ProblemException.FieldProblem;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** The person a registration is for, as the client sent it ({@code "athlete": {...}}). */
record Athlete(String firstName, String lastName, String gender, LocalDate birthDate, String nationality,
        String email) {

    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    /** Trimmed, nationality upper-cased, e-mail lower-cased: the form people type is not what is compared. */
    Athlete normalized() {
        return new Athlete(trim(firstName), trim(lastName), trim(gender), birthDate,
                nationality == null ? null : nationality.trim().toUpperCase(Locale.ROOT),
                email == null ? null : email.trim().toLowerCase(Locale.ROOT));
    }

    /**
     * What is wrong with the athlete for a race on {@code raceDay}, each problem under {@code prefix}
     * ({@code athlete.birthDate}, {@code members[2].athlete.email}). Ages count by the race's basis.
     */
    List<FieldProblem> problems(String prefix, LocalDate raceDay, AgeCategories.Basis basis, Integer minAge,
            Integer maxAge) {
        List<FieldProblem> problems = new ArrayList<>();
        name(prefix + ".firstName", firstName, "A first name", problems);
        name(prefix + ".lastName", lastName, "A last name", problems);
        if (gender == null || !gender.matches("[FMX]")) {
            problems.add(new FieldProblem(prefix + ".gender", "gender", "The gender is F, M or X"));
        }
        if (nationality == null || !COUNTRY.matcher(nationality).matches()) {
            problems.add(new FieldProblem(prefix + ".nationality", "country",
                    "The nationality is a two-letter country code such as CH"));
        }
        if (email == null || email.length() > 254 || !EMAIL.matcher(email).matches()) {
            problems.add(new FieldProblem(prefix + ".email", "email", "An e-mail address such as ann@example.com"));
        }
        FieldProblem age = AgeLimits.problem(prefix + ".birthDate", birthDate, raceDay, basis, minAge, maxAge);
        if (age != null) {
            problems.add(age);
        }
        return problems;
    }

    private static void name(String at, String value, String what, List<FieldProblem> problems) {
        if (value == null || value.isBlank() || value.length() > 60) {
            problems.add(new FieldProblem(at, "size", what + " has 1 to 60 characters"));
        }
    }

    private static String trim(String value) {
        return value == null ? null : value.trim();
    }
}
