package dev.paddock.events.catalog;

/**
 * A team race's rules: {@code minSize..maxSize} members, up to {@code substitutes} more as substitutes.
 *
 * @param genderRule ANY; MIXED: at least one woman and one man; SAME: all of one gender
 */
public record Team(int minSize, int maxSize, int substitutes, GenderRule genderRule) {

    enum GenderRule {
        ANY, MIXED, SAME
    }
}
