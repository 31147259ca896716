package dev.paddock.identity;

import dev.paddock.shared.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;

/**
 * The responsible-gambling attributes of an account, as the tote checks them.
 *
 * @param dateOfBirth        given at sign-up
 * @param countryOfResidence ISO 3166-1 alpha-2, e.g. "FR"
 * @param selfExcludedUntil  end of a self-exclusion, or null if the player never excluded themselves
 * @param weeklyStakeLimit   the limit in effect now, or null for none
 * @param ageOfMajority      the legal age to bet ({@code paddock.identity.age-of-majority}, 18 in France)
 */
public record PlayerProfile(LocalDate dateOfBirth, String countryOfResidence, Instant selfExcludedUntil,
        Money weeklyStakeLimit, int ageOfMajority) {

    public PlayerProfile {
        if (dateOfBirth == null || countryOfResidence == null) {
            throw new IllegalArgumentException("A player profile needs a date of birth and a country");
        }
    }

    /**
     * Full years are counted as {@link Period} does, so someone born on 29 February comes of age on 1 March
     * in a non-leap year: never a day early.
     */
    public boolean isAdultOn(LocalDate day) {
        return !day.isBefore(dateOfBirth) && Period.between(dateOfBirth, day).getYears() >= ageOfMajority;
    }

    public boolean isSelfExcludedAt(Instant instant) {
        return selfExcludedUntil != null && instant.isBefore(selfExcludedUntil);
    }
}
