package dev.paddock.wallet;

import dev.paddock.identity.AccountId;
import dev.paddock.shared.Money;

/** One debit of a {@link Wallets#debitAll} batch: the same four things a single {@link Wallets#debit} takes. */
public record BatchDebit(AccountId account, Money amount, Purpose purpose, IdempotencyKey key) {

    public BatchDebit {
        if (account == null || amount == null || purpose == null || key == null) {
            throw new IllegalArgumentException("A batch debit needs an account, an amount, a purpose and a key");
        }
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("A debit is a positive amount");
        }
    }
}
