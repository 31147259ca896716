package dev.paddock.parimutuel;

/**
 * What one ticket gets back: winnings (unit stake x dividend of each winning unit combination, summed, rounded
 * to the nearest cent) and refunds (the unit stake of each refunded combination).
 */
public record TicketPayment(long winningsCents, long refundCents) {

    public static final TicketPayment NOTHING = new TicketPayment(0, 0);

    public long totalCents() {
        return winningsCents + refundCents;
    }
}
