package dev.paddock.tote.settlement;

import dev.paddock.parimutuel.BetType;
import dev.paddock.parimutuel.ChannelFamily;
import java.util.List;
import java.util.UUID;

/**
 * A pool as settlement reads it.
 *
 * @param races           its race, or the five legs of a Big 5 in leg order
 * @param status          SCHEDULED, OPEN, CLOSED or CANCELLED (a Big 5 is CANCELLED when all its legs are)
 * @param guaranteedCents the guaranteed net pool of a Big 5, 0 for none
 * @param jackpotCents    a Quinté+'s draw on its reserve fund (the Tirelire) asked by operators, 0 for none
 */
record PoolRow(UUID id, BetType type, ChannelFamily family, int takeoutBp, long guaranteedCents, long jackpotCents, String status,
        List<UUID> races) {

    PoolRow {
        races = List.copyOf(races);
    }
}
