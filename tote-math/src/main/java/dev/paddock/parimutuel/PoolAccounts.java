package dev.paddock.parimutuel;

/**
 * Where a pool's money went, to the cent. The conservation law every pool obeys:
 * {@code stakes + reserveOut + operatorTopUp = refunds + takeout + reserveIn + payouts + breakage}, every
 * term non-negative.
 *
 * @param stakesCents        T, every accepted stake of the pool
 * @param refundsCents       stakes given back: combinations with too many non-runners, or the whole pool
 * @param takeoutCents       kept by the operator, after any cut to pay the minimum dividend
 * @param reserveInCents     set aside to the reserve fund (Quinté+ share, a Big 5 nobody won, an empty rank)
 * @param reserveOutCents    brought in from the reserve fund
 * @param operatorTopUpCents added by the operator (a guaranteed pool beyond the fund)
 * @param payoutsCents       the sum over winning combinations of their stake x dividend, rounded to the cent
 *                           once (each ticket's winnings are rounded on their own: with stakes in tens of cents,
 *                           as the dividends are, they add up to this exactly)
 * @param breakageCents      the rounding left-overs of the dividends
 * @param wholePoolRefunded  the pool was refunded (a cancelled race, or the minimum could not be paid)
 */
public record PoolAccounts(long stakesCents, long refundsCents, long takeoutCents, long reserveInCents,
        long reserveOutCents, long operatorTopUpCents, long payoutsCents, long breakageCents,
        boolean wholePoolRefunded) {
}
