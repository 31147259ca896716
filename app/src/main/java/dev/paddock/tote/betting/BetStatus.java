package dev.paddock.tote.betting;

/**
 * The life of a bet:
 * <pre>
 * PENDING -> ACCEPTED -> CANCELLED     (remote wallet: durable before the debit)
 * PENDING -> REFUSED
 * PENDING -> COMPENSATING -> REFUSED   (remote wallet: the debit failed, its reversal not yet acknowledged)
 * ACCEPTED, REFUSED                    (in-process wallet: decided in the batch that stores the bet)
 * </pre>
 */
enum BetStatus {
    PENDING, ACCEPTED, REFUSED, CANCELLED, COMPENSATING
}
