package dev.paddock.tote;

import java.time.Instant;
import java.util.UUID;

/** A race opened: bets are taken on it from now until its stop signal. */
public record RaceOpened(UUID raceId, Instant at) {
}
