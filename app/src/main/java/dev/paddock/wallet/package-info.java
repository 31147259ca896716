/**
 * Wallet: one EUR wallet per account on a double-entry ledger. Other modules call {@link dev.paddock.wallet.Wallets}
 * (debit a stake, credit a payout, reverse a movement); every movement is idempotent under its
 * {@link dev.paddock.wallet.IdempotencyKey} and announced with {@link dev.paddock.wallet.WalletMovementRecorded}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Wallet")
package dev.paddock.wallet;
