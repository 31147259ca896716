package dev.paddock.tote;

import java.time.Instant;
import java.util.UUID;

/** A runner was declared non-runner: new bets naming it are refused, bets on it are refunded. */
public record NonRunnerDeclared(UUID raceId, int runner, Instant at) {
}
