package dev.paddock.events.organizer;

import java.time.Instant;
import java.util.UUID;

/** A race of an organized event, with what statistics, exports and bibs read from it. */
record OrganizedRace(UUID id, UUID eventId, String code, String name, int capacity, String bibMode,
        Instant startsAt, String fieldsJson, String categoriesJson, String ageBasis) {
}
