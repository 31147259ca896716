package dev.paddock.tote;

import java.time.Instant;
import java.util.UUID;

/** A race's provisional result (arrivée provisoire) was entered. */
public record ResultProvisional(UUID raceId, Instant at) {
}
