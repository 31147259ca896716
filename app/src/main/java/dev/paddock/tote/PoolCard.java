package dev.paddock.tote;

import dev.paddock.parimutuel.BetType;
import dev.paddock.parimutuel.ChannelFamily;
import dev.paddock.shared.Money;
import java.util.List;
import java.util.UUID;

/**
 * One pool: the stakes of one bet type on one race (or on the 5 legs of a Big 5) in one channel family.
 *
 * @param takeoutBasisPoints the operator's share, 1390 = 13.90 %
 * @param minStake           the smallest ticket
 * @param unitStake          the price of one unit combination
 * @param maxStake           the largest ticket
 * @param flexi              whether a ticket may pay a fraction of the unit stake per combination
 * @param raceIds            the race, or the 5 legs of a Big 5 in leg order
 */
public record PoolCard(UUID id, BetType betType, ChannelFamily family, int takeoutBasisPoints, Money minStake,
        Money unitStake, Money maxStake, boolean flexi, List<UUID> raceIds) {

    public PoolCard {
        raceIds = List.copyOf(raceIds);
    }
}
