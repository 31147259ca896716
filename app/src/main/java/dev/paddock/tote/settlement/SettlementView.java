package dev.paddock.tote.settlement;

import java.util.List;
import java.util.UUID;

/**
 * A race's settlement as {@code GET /api/tote/races/{id}/settlement} shows it; amounts in cents.
 *
 * @param status NOT_SETTLED (no pool computed yet), SETTLING, SETTLED (every pool paid; the race SETTLED, or
 *               refunded when it was cancelled)
 * @param pools  the race's own pools that are computed or paid (a Big 5 pool is not listed under its legs)
 */
record SettlementView(UUID raceId, String status, List<Pool> pools) {

    /** The paid* figures and ticket counts are null until the pool is PAID. */
    record Pool(UUID poolId, String betType, String channelFamily, String status, int ruleSetVersion, long stakes,
            long refunds, long takeout, long reserveIn, long reserveOut, long operatorTopUp, long payouts,
            long breakage, Long paidWinnings, Long paidRefunds, Long winningTickets, Long refundedTickets) {
    }
}
