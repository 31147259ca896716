package dev.paddock.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A place of a race became free (a cancellation, an expired offer, a raised capacity, a transfer to another
 * race): the waitlist offers it to the next athlete in line after commit.
 */
public record PlaceFreed(UUID raceId, Instant at) {
}
