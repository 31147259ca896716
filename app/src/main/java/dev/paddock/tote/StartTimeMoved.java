package dev.paddock.tote;

import java.time.Instant;
import java.util.UUID;

/** A race's start time moved; the automatic stop signal follows it. */
public record StartTimeMoved(UUID raceId, Instant startsAt) {
}
