package dev.paddock.events.registration;

import dev.paddock.events.fields.AnswerSchema;
import dev.paddock.events.rules.AgeCategories;
import dev.paddock.events.rules.RegistrationWindow;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * What registering for a race needs to know, read once and served from memory for a short while
 * ({@link RaceTermsCache}): the window, the price tiers, the compiled answer schema, the team rules.
 *
 * @param team null for an individual race
 */
record RaceTerms(UUID raceId, UUID eventId, String eventSlug, String eventName, boolean published, ZoneId zone,
        String code, String name, Instant startsAt, boolean lottery, RegistrationWindow.Stored registration,
        Instant opensAt, Instant closesAt, Integer minAge, Integer maxAge, AgeCategories.Basis ageBasis,
        AnswerSchema answers, List<PriceTier> tiers, TeamRules team, boolean bibAtPayment) {

    LocalDate raceDay() {
        return startsAt.atZone(zone).toLocalDate();
    }

    RegistrationWindow.State window(Instant now) {
        return RegistrationWindow.at(now, registration, opensAt, closesAt);
    }

    long priceAt(Instant now) {
        return PriceTier.priceAt(tiers, now);
    }
}
