package dev.paddock.tote;

import java.time.Instant;
import java.util.UUID;

/**
 * Version {@code version} of a race's result became official; dividends may be published. A correction before
 * settlement sends the race back to provisional, and a later ResultOfficial names the corrected version.
 */
public record ResultOfficial(UUID raceId, int version, Instant at) {
}
