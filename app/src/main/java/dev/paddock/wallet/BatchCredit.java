package dev.paddock.wallet;

import dev.paddock.identity.AccountId;
import dev.paddock.shared.Money;

/** One credit of a {@link Wallets#creditAll} batch: the same four things a single {@link Wallets#credit} takes. */
public record BatchCredit(AccountId account, Money amount, Purpose purpose, IdempotencyKey key) {

    public BatchCredit {
        if (account == null || amount == null || purpose == null || key == null) {
            throw new IllegalArgumentException("A batch credit needs an account, an amount, a purpose and a key");
        }
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("A credit is a positive amount");
        }
    }
}
