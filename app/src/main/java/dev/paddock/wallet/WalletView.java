package dev.paddock.wallet;

import dev.paddock.identity.AccountId;
import dev.paddock.shared.Money;

/** An account's wallet as it stands: the balance always equals the sum of the wallet's postings. */
public record WalletView(AccountId accountId, Money balance) {

    public static final String CURRENCY = "EUR";
}
