package dev.paddock.tote;

import java.time.Instant;
import java.util.UUID;

/** A race's result became official; dividends may be published. */
public record ResultOfficial(UUID raceId, Instant at) {
}
