package dev.paddock.wallet.ledger;

import dev.paddock.wallet.IdempotencyKey;
import dev.paddock.wallet.Wallets;
import dev.paddock.wallet.ledger.PaymentAttempts.Attempt;
import dev.paddock.wallet.ledger.PaymentAttempts.Operation;
import dev.paddock.wallet.ledger.PaymentAttempts.Outcome;
import dev.paddock.wallet.payment.PaymentProvider;
import dev.paddock.wallet.payment.PaymentResult;
import java.time.Clock;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Sends the money of a committed withdrawal to the customer's bank. The event publication registry
 * retries it after a crash and the provider key makes a retry harmless; a declined payout gives the money
 * back to the wallet with a reversal.
 */
@Component
class Payouts {

    private final PaymentAttempts attempts;
    private final PaymentProvider provider;
    private final Wallets wallets;
    private final Clock clock;

    Payouts(PaymentAttempts attempts, PaymentProvider provider, Wallets wallets, Clock clock) {
        this.attempts = attempts;
        this.provider = provider;
        this.wallets = wallets;
        this.clock = clock;
    }

    @Async
    @TransactionalEventListener
    void send(WithdrawalRecorded withdrawal) {
        settle(withdrawal);
    }

    /** Pays out once whatever the number of calls: a redelivered event finds the recorded outcome. */
    void settle(WithdrawalRecorded withdrawal) {
        IdempotencyKey key = IdempotencyKey.of("payout:" + withdrawal.movementId());
        Attempt attempt = attempts.open(key, Operation.PAYOUT, withdrawal.accountId(), withdrawal.amount(),
                "PAYOUT|" + withdrawal.movementId(), clock.instant());
        if (attempt.outcome() == Outcome.APPROVED) {
            return;
        }
        if (attempt.outcome() == Outcome.PENDING) {
            PaymentResult result = provider.payout(withdrawal.accountId(), withdrawal.amount(), key.value());
            if (result.approved()) {
                attempts.approve(key, result.providerReference(), withdrawal.movementId(), clock.instant());
                return;
            }
            attempts.decline(key, result, clock.instant());
        }
        wallets.reverse(withdrawal.movementId(), key.derived("declined"));
    }
}
