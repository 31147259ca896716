package dev.paddock.tote;

import java.time.Instant;
import java.util.UUID;

/** A race was cancelled for good; its single-race bets are to be refunded. */
public record RaceCancelled(UUID raceId, Instant at) {
}
