package dev.paddock.tote;

import dev.paddock.identity.AccountId;
import java.time.Instant;
import java.util.UUID;

/**
 * A player cancelled a bet: its stake was refunded and taken out of its pool's totals.
 *
 * @param stake cents refunded
 */
public record BetCancelled(UUID betId, AccountId accountId, UUID poolId, long stake, Instant at) {
}
