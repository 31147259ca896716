package dev.paddock.tote;

import java.time.Instant;
import java.util.UUID;

/** Every bet on a race was settled and paid. */
public record RaceSettled(UUID raceId, Instant at) {
}
