package dev.paddock.tote;

import dev.paddock.identity.AccountId;
import java.time.Instant;
import java.util.UUID;
import org.springframework.modulith.events.Externalized;

/**
 * A bet was made durable: its stake is debited and in its pool's totals. Keyed by bet id on Kafka, which
 * spreads a hot pool over every partition; consumers that need a pool's totals read them from the tote.
 *
 * @param stake cents, the ticket's total stake
 */
@Externalized("paddock.tote.bets::#{#this.betId().toString()}")
public record BetAccepted(UUID betId, AccountId accountId, UUID poolId, UUID raceId, String betType,
        long combinations, long stake, String channel, Instant at) {
}
