package dev.paddock.tote.settlement;

import dev.paddock.parimutuel.Formulation;
import dev.paddock.parimutuel.PoolResult;
import dev.paddock.parimutuel.TicketPayment;

/** What one ticket of a settled pool gets. */
@FunctionalInterface
interface TicketRule {

    TicketPayment pay(Formulation formulation, long unitStakeCents, long totalStakeCents);

    /** A pool given back whole (its race cancelled): every ticket gets its stake back. */
    TicketRule REFUND_ALL = (formulation, unit, total) -> new TicketPayment(0, total);

    static TicketRule of(PoolResult result) {
        return (formulation, unit, total) -> result.pay(formulation, unit);
    }
}
