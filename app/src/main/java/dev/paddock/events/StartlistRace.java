package dev.paddock.events;

import java.time.Instant;
import java.util.UUID;

/** A race as its timing and results need it. */
public record StartlistRace(UUID raceId, UUID eventId, String eventSlug, String eventName, String raceCode,
        String raceName, int distanceMetres, Instant startsAt, String zone) {
}
