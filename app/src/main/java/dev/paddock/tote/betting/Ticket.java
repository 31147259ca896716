package dev.paddock.tote.betting;

import dev.paddock.identity.AccountId;
import dev.paddock.parimutuel.BetType;
import dev.paddock.shared.Money;
import java.util.List;
import java.util.UUID;

/**
 * A bet that passed channel control, ready for the writer: everything the batch stores and adds to the pool
 * totals is worked out beforehand, on the request's thread.
 *
 * @param raceIds          the race, or the 5 legs of a Big 5: all must be OPEN when the batch commits
 * @param raceCode         of the first race, as the portfolio shows it
 * @param formulation      as stored (see {@link Selections})
 * @param fingerprint      the request's content, to tell a retry from a reused request id
 * @param combinationKeys  every unit combination of the ticket, each staked {@code unitStake}
 * @param weeklyStakeLimit the player's limit in effect, or null
 */
record Ticket(UUID betId, AccountId account, String requestId, String fingerprint, UUID poolId, List<UUID> raceIds,
        String raceCode, String raceName,
        BetType betType, String formulation, long combinations, Money unitStake, Money totalStake, Channel channel,
        String country, long[] combinationKeys, Money weeklyStakeLimit) {
}
