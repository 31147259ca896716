package dev.paddock.wallet;

import dev.paddock.identity.AccountId;
import dev.paddock.shared.Money;
import java.util.List;
import java.util.UUID;

/**
 * The wallet as other modules use it, in-process. Each movement is one balanced journal entry written in
 * one transaction together with its {@link WalletMovementRecorded} event. Calling again with the same
 * {@link IdempotencyKey} and the same content does nothing more and returns the first result (marked
 * {@link Movement#replayed()}); the same key with other content throws {@link IdempotencyKeyReused}.
 * Amounts are positive; the sign of {@link Movement#amount()} says which way the money went.
 */
public interface Wallets {

    /** The account's wallet, opened with a zero balance on first use. */
    WalletView wallet(AccountId account);

    /** Charges the account's card through the payment provider, then credits the wallet. */
    Movement deposit(AccountId account, Money amount, IdempotencyKey key);

    /** Takes money out of the wallet to the account's bank; the payout is sent after commit. */
    Movement withdraw(AccountId account, Money amount, IdempotencyKey key);

    /** Takes money for a purchase or a bet; never below zero ({@link InsufficientFunds}). */
    Movement debit(AccountId account, Money amount, Purpose purpose, IdempotencyKey key);

    /**
     * Many debits at once, in the caller's transaction (required: there is none of its own, so they commit or
     * roll back with the caller's work, e.g. the bets they pay for). Same ledger rules as {@link #debit}, with a
     * handful of batched statements for the whole list instead of three per debit. Debits of one wallet apply
     * in list order; one the wallet cannot pay is refused ({@link DebitOutcome.Status#INSUFFICIENT_FUNDS})
     * without affecting the others. Outcomes come in the order of {@code debits}.
     *
     * @throws org.springframework.transaction.IllegalTransactionStateException without a transaction
     */
    List<DebitOutcome> debitAll(List<BatchDebit> debits);

    /**
     * {@link #debitAll} for debits whose keys cannot have been used yet, because each names something the caller's
     * transaction has just created (a bet stored by this very batch): the look-up of recorded keys is skipped, one
     * statement less. A key used all the same fails the insert of its entry (keys are unique), which rolls the
     * caller's transaction back: never a second debit, never a replay answered as a new debit.
     *
     * @throws org.springframework.transaction.IllegalTransactionStateException without a transaction
     */
    List<DebitOutcome> debitAllNewKeys(List<BatchDebit> debits);

    /**
     * Many credits at once, in the caller's transaction (required, as for {@link #debitAll}): a handful of
     * batched statements for the whole list, whatever its length. A credit whose key is already recorded with
     * the same content is not written again and comes back {@link Movement#replayed()}; a key recorded with
     * other content throws {@link IdempotencyKeyReused}, which rolls the caller's transaction back. Movements
     * come in the order of {@code credits}.
     *
     * @throws org.springframework.transaction.IllegalTransactionStateException without a transaction
     */
    List<Movement> creditAll(List<BatchCredit> credits);

    /** Gives money for a payout or a refund. */
    Movement credit(AccountId account, Money amount, Purpose purpose, IdempotencyKey key);

    /**
     * Posts the exact opposite of a movement, once. Reversing a debit refunds it; reversing a deposit or a
     * credit is refused with {@link InsufficientFunds} if the wallet no longer holds the money; a reversal
     * cannot be reversed.
     */
    Movement reverse(UUID movementId, IdempotencyKey key);

    /** The wallet's movements, newest first. */
    Page<Movement> entries(AccountId account, int page, int size);
}
