package dev.paddock.events.catalog;

import dev.paddock.events.fields.FieldDefinition;
import dev.paddock.events.rules.RegistrationWindow;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A race as stored, with its price tiers (in time order). */
record StoredRace(UUID id, UUID eventId, RaceSettings settings, int capacity, RegistrationWindow.Stored registration,
        List<FieldDefinition> fields, List<PriceTier> priceTiers, long version) {

    public RegistrationWindow.State registrationAt(Instant now) {
        return RegistrationWindow.at(now, registration, settings.registrationOpensAt(), settings.registrationClosesAt());
    }
}
