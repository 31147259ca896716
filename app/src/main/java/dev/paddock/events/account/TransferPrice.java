package dev.paddock.events.account;

/**
 * The price difference of a transfer to another race of the same event: what the registration has paid so far
 * against the target race's price at its current tier. The athlete pays the difference up, or gets the
 * difference down back; the same price moves no money.
 */
record TransferPrice(long paidCents, long targetCents) {

    TransferPrice {
        if (paidCents < 0 || targetCents < 0) {
            throw new IllegalArgumentException("Prices are not negative");
        }
    }

    /** What the athlete pays now, zero when the target race is not dearer. */
    long toPayCents() {
        return Math.max(0, targetCents - paidCents);
    }

    /** What the athlete gets back now, zero when the target race is not cheaper. */
    long toRefundCents() {
        return Math.max(0, paidCents - targetCents);
    }
}
