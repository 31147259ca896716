package dev.paddock.wallet.payment;

import dev.paddock.identity.AccountId;
import dev.paddock.shared.Money;

/**
 * The port to a card and bank-transfer provider. The wallet calls it outside any database transaction and
 * passes its idempotency key, so a provider that honours keys (as real ones do) never charges twice for a
 * retried request.
 */
public interface PaymentProvider {

    /** Takes money from the customer's card for a deposit. */
    PaymentResult charge(AccountId account, Money amount, String idempotencyKey);

    /** Sends money to the customer's bank for a withdrawal. */
    PaymentResult payout(AccountId account, Money amount, String idempotencyKey);
}
