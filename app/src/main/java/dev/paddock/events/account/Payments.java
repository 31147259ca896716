package dev.paddock.events.account;

import dev.paddock.identity.AccountId;
import dev.paddock.shared.Money;
import dev.paddock.shared.ProblemException;
import dev.paddock.wallet.IdempotencyKey;
import dev.paddock.wallet.Movement;
import dev.paddock.wallet.Purpose;
import dev.paddock.wallet.Wallets;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Money of a registration's changes, in the caller's transaction (the wallet joins it), so a change and its money
 * commit together. An extra payment (a dearer race, a hand-over fee) is an order of its own, debited with the
 * contract's key {@code events:order:<orderId>}; the order id is derived from what the payment is for, so a retry
 * finds the same order and the wallet replays the same debit. Refunds credit whoever paid the registration.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
class Payments {

    enum Method {
        WALLET, CARD
    }

    private final JdbcClient jdbc;
    private final Wallets wallets;

    Payments(JdbcClient jdbc, Wallets wallets) {
        this.jdbc = jdbc;
        this.wallets = wallets;
    }

    /**
     * Charges {@code cents} to {@code payer} for {@code purpose} (e.g. {@code transfer:<registration>:<request>}),
     * as a new order of the event; CARD first deposits the amount from the payer's card. Returns the order id.
     */
    UUID charge(UUID payer, UUID eventId, String purpose, long cents, Method method, Instant now) {
        UUID orderId = UUID.nameUUIDFromBytes(("events:" + purpose).getBytes(StandardCharsets.UTF_8));
        IdempotencyKey key = IdempotencyKey.of("events:order:" + orderId);
        AccountId account = new AccountId(payer);
        if (method == Method.CARD) {
            wallets.deposit(account, Money.ofCents(cents), key.derived("card"));
        }
        int inserted = jdbc.sql("""
                        insert into events.orders (id, account_id, event_id, request_id, status, payment_method,
                                                   subtotal_cents, discount_cents, total_cents, created_at)
                        values (:id, :account, :event, :request, 'PAID', :method, :cents, 0, :cents, :at)
                        on conflict (id) do nothing""")
                .param("id", orderId).param("account", payer).param("event", eventId)
                .param("request", orderId.toString()).param("method", method.name()).param("cents", cents)
                .param("at", Timestamp.from(now)).update();
        if (inserted == 0) {
            throw ProblemException.of(org.springframework.http.HttpStatus.CONFLICT, "already-paid",
                    "This change was already paid.");
        }
        wallets.debit(account, Money.ofCents(cents), Purpose.purchase("events", orderId), key);
        return orderId;
    }

    /**
     * Gives {@code cents} of the registration back to whoever bought it, once per {@code reference} (e.g.
     * {@code cancel:<registration>}), and counts it on the registration's order. Returns the wallet movement.
     */
    Movement refund(Registration registration, long cents, String reference) {
        Movement movement = wallets.credit(new AccountId(registration.buyerAccountId()), Money.ofCents(cents),
                Purpose.refund("events", reference), IdempotencyKey.of("events:refund:" + reference));
        if (!movement.replayed() && registration.orderId() != null) {
            // a registration that paid more later (a dearer race) may get back more than its first order's total
            jdbc.sql("""
                            update events.orders set refunded_cents = least(total_cents, refunded_cents + :cents),
                                status = case when least(total_cents, refunded_cents + :cents) = total_cents
                                              then 'REFUNDED' else 'PARTLY_REFUNDED' end
                            where id = :order""")
                    .param("cents", cents).param("order", registration.orderId()).update();
        }
        return movement;
    }
}
