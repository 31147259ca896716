package dev.paddock.tote.betting;

import java.time.Instant;
import java.util.UUID;

/**
 * What the writer decided for a ticket, as the client is answered.
 *
 * @param refusal  the problem slug of a refusal (race-closed, insufficient-funds, weekly-stake-limit,
 *                 request-id-reused, wallet-unavailable), null when accepted
 * @param replayed the same request was decided before; this is its recorded outcome
 */
record BetOutcome(UUID betId, BetStatus status, String refusal, Instant placedAt, boolean replayed) {

    static BetOutcome refused(String refusal) {
        return new BetOutcome(null, BetStatus.REFUSED, refusal, null, false);
    }

    BetOutcome asReplay() {
        return new BetOutcome(betId, status, refusal, placedAt, true);
    }
}
