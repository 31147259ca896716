package dev.paddock.wallet.ledger;

import dev.paddock.identity.AccountId;
import dev.paddock.shared.Money;
import java.util.UUID;

/** A withdrawal left a wallet and its payout is to be sent; internal to the wallet. */
record WithdrawalRecorded(UUID movementId, AccountId accountId, Money amount) {
}
