package dev.paddock.wallet.ledger;

import dev.paddock.identity.AccountId;
import dev.paddock.shared.Money;
import dev.paddock.wallet.IdempotencyKey;
import dev.paddock.wallet.payment.PaymentResult;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Calls to the payment provider, recorded before the call: a retry with the same key finds the outcome of
 * the first call (or that it is still pending) instead of starting a new charge.
 */
@Repository
class PaymentAttempts {

    enum Operation { CHARGE, PAYOUT }

    enum Outcome { PENDING, APPROVED, DECLINED }

    record Attempt(String fingerprint, Outcome outcome, String providerReference, String declineReason) {
    }

    private final JdbcClient jdbc;

    PaymentAttempts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a pending attempt unless the key already has one; returns the key's attempt either way. */
    Attempt open(IdempotencyKey key, Operation operation, AccountId owner, Money amount, String fingerprint,
            Instant at) {
        jdbc.sql("""
                        insert into wallet.payment_attempts (idempotency_key, operation, owner_account, amount_cents,
                                                             request_fingerprint, outcome, created_at)
                        values (:key, :operation, :owner, :cents, :fingerprint, 'PENDING', :at)
                        on conflict do nothing""")
                .param("key", key.value()).param("operation", operation.name()).param("owner", owner.value())
                .param("cents", amount.cents()).param("fingerprint", fingerprint).param("at", Timestamp.from(at))
                .update();
        return jdbc.sql("""
                        select request_fingerprint, outcome, provider_reference, decline_reason
                        from wallet.payment_attempts where idempotency_key = :key""")
                .param("key", key.value())
                .query((rs, row) -> new Attempt(rs.getString("request_fingerprint"),
                        Outcome.valueOf(rs.getString("outcome")), rs.getString("provider_reference"),
                        rs.getString("decline_reason")))
                .single();
    }

    void approve(IdempotencyKey key, String providerReference, UUID movementId, Instant at) {
        jdbc.sql("""
                        update wallet.payment_attempts
                        set outcome = 'APPROVED', provider_reference = :reference, movement_id = :movement,
                            decided_at = coalesce(decided_at, :at)
                        where idempotency_key = :key""")
                .param("reference", providerReference).param("movement", movementId)
                .param("at", Timestamp.from(at)).param("key", key.value())
                .update();
    }

    void decline(IdempotencyKey key, PaymentResult result, Instant at) {
        jdbc.sql("""
                        update wallet.payment_attempts
                        set outcome = 'DECLINED', provider_reference = :reference, decline_reason = :reason,
                            decided_at = :at
                        where idempotency_key = :key and outcome = 'PENDING'""")
                .param("reference", result.providerReference()).param("reason", result.declineReason())
                .param("at", Timestamp.from(at)).param("key", key.value())
                .update();
    }
}
