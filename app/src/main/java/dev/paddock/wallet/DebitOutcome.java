package dev.paddock.wallet;

/**
 * What {@link Wallets#debitAll} did with one debit of the batch.
 *
 * @param movement the debit written now ({@link Status#DEBITED}) or earlier under the same key
 *                 ({@link Status#REPLAYED}); null otherwise
 */
public record DebitOutcome(BatchDebit debit, Status status, Movement movement) {

    public enum Status {
        /** Written in the caller's transaction. */
        DEBITED,
        /** Already recorded under its key with the same content; nothing written. */
        REPLAYED,
        /** The wallet did not hold the amount; nothing written. */
        INSUFFICIENT_FUNDS,
        /** The key names another movement; nothing written. */
        KEY_REUSED
    }

    public boolean taken() {
        return status == Status.DEBITED || status == Status.REPLAYED;
    }
}
