package dev.paddock.events.rules;

/**
 * One category of a race, e.g. {@code M40}: men aged 40 to 49.
 *
 * @param code    what lists and rankings show, e.g. "M40", "W-U20", "Open"
 * @param gender  "F", "M" or "X", or null for any gender
 * @param fromAge the youngest age in it, inclusive
 * @param toAge   the oldest age in it, inclusive, or null for no limit
 */
public record AgeCategory(String code, String gender, int fromAge, Integer toAge) {

    public AgeCategory {
        if (code == null || code.isBlank() || code.length() > 20) {
            throw new IllegalArgumentException("A category code has 1 to 20 characters");
        }
        if (fromAge < 0 || (toAge != null && toAge < fromAge)) {
            throw new IllegalArgumentException("A category's ages go from fromAge up to toAge");
        }
        if (gender != null && !gender.matches("[FMX]")) {
            throw new IllegalArgumentException("A category's gender is F, M, X or none");
        }
    }

    boolean holds(String athleteGender, int age) {
        return (gender == null || gender.equals(athleteGender)) && age >= fromAge && (toAge == null || age <= toAge);
    }
}
