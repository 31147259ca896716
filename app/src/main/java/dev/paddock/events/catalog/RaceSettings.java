package dev.paddock.events.catalog;

import dev.paddock.events.rules.AgeCategories;
import dev.paddock.events.rules.AgeCategory;
import java.time.Instant;
import java.util.List;

/**
 * Everything an organizer sets on a race apart from its capacity, custom fields and prices, which have
 * their own requests. {@code team} is null for an individual race; empty {@code categories} means the
 * standard set.
 */
record RaceSettings(String code, String name, int distanceM, int elevationGainM, Instant startsAt, Mode mode,
        Instant registrationOpensAt, Instant registrationClosesAt, Integer minAge, Integer maxAge, Team team,
        BibMode bibMode, int waitlistOfferHours, List<AgeCategory> categories, AgeCategories.Basis ageBasis) {

    RaceSettings {
        categories = categories == null ? List.of() : List.copyOf(categories);
    }

    enum Mode {
        FIRST_COME, LOTTERY
    }

    enum BibMode {
        AT_PAYMENT, AFTER_CLOSE
    }
}
