package dev.paddock.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A registration was cancelled. If it held a place, the place is free when this is published and a
 * {@link PlaceFreed} follows in the same transaction.
 */
public record RegistrationCancelled(UUID registrationId, UUID raceId, UUID eventId, Instant at) {
}
