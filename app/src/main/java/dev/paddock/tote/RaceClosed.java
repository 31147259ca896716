package dev.paddock.tote;

import java.time.Instant;
import java.util.UUID;

/** The stop signal of a race, given by an operator or automatically at its start time: no bet is accepted after it. */
public record RaceClosed(UUID raceId, Instant at) {
}
