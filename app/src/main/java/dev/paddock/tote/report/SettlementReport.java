package dev.paddock.tote.report;

import dev.paddock.parimutuel.BetType;
import dev.paddock.parimutuel.ChannelFamily;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * What an auditor checks of a race's settlement, as stored: every settled pool with its accounts and its paid
 * ranks. Built only from stored rows, so the same settlement always gives the same report; the renderers put
 * pools, ranks and combinations in a fixed order whatever order they came in.
 *
 * @param resultVersion the version of the race's official result the dividends used, 0 when unknown
 */
record SettlementReport(UUID raceId, String raceCode, String raceName, int resultVersion, List<Pool> pools) {

    static final Comparator<Pool> POOL_ORDER = Comparator.comparing(Pool::betType)
            .thenComparing(Pool::family).thenComparing(Pool::poolId);

    SettlementReport {
        pools = pools.stream().sorted(POOL_ORDER).toList();
    }

    /**
     * One settled pool. Amounts in cents; the paid figures and ticket counts are null until every ticket is paid.
     *
     * @param status         COMPUTED (dividends stored, tickets being paid) or PAID
     * @param unitStakeCents the pool's unit stake: winning units are the winning stakes divided by it
     */
    record Pool(UUID poolId, BetType betType, ChannelFamily family, int ruleSetVersion, int takeoutBp, String status,
            boolean wholePoolRefunded, long unitStakeCents, long stakesCents, long refundsCents, long takeoutCents,
            long reserveInCents, long reserveOutCents, long operatorTopUpCents, long payoutsCents,
            long breakageCents, Long paidWinningsCents, Long paidRefundsCents, Long winningTickets,
            Long refundedTickets, List<Rank> ranks) {

        Pool {
            ranks = ranks.stream().sorted(Comparator.comparingInt(Rank::order).thenComparing(Rank::name)).toList();
        }
    }

    /** A paid rank, {@code order} 1 being the top rank. */
    record Rank(String name, int order, List<Winner> winners) {

        Rank {
            winners = winners.stream().sorted(Comparator.comparingLong(Winner::key)).toList();
        }
    }

    /**
     * A winning combination of a rank.
     *
     * @param runners as people read it, "3-1-7" (Big 5: legs separated by "/")
     */
    record Winner(long key, String runners, long dividendCents, long stakeCents) {
    }
}
