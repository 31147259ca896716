package dev.paddock.tote;

import java.time.Instant;
import java.util.UUID;

/**
 * A race's provisional result (arrivée provisoire) was entered or corrected: {@code version} 1 is the first
 * entry, each correction adds one. Published on every new version, also when the race was provisional already.
 */
public record ResultProvisional(UUID raceId, int version, Instant at) {
}
