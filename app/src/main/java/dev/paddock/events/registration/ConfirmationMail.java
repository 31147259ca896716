package dev.paddock.events.registration;

import dev.paddock.mail.Mailer;
import dev.paddock.mail.OutgoingMail;
import dev.paddock.shared.Money;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The confirmation e-mail, one per athlete of a paid order, sent after the order's transaction commits
 * (never for a purchase that rolled back). Plain text in English, as the mail port takes it.
 */
@Component
class ConfirmationMail {

    private final Orders orders;
    private final Mailer mailer;

    ConfirmationMail(Orders orders, Mailer mailer) {
        this.orders = orders;
        this.mailer = mailer;
    }

    void confirmed(UUID orderId) {
        orders.order(orderId).ifPresent(order -> order.registrations().forEach(line -> mailer.send(new OutgoingMail(
                line.email(), "Registration confirmed: " + order.eventName() + ", " + line.raceName(),
                """
                Hello %s,

                your place in %s (%s) is confirmed%s.
                %s
                Order %s, %s paid.
                See it at /events/orders/%s
                """.formatted(line.firstName(), line.raceName(), order.eventName(),
                        line.teamName() == null ? "" : " with team " + line.teamName(),
                        line.bib() == null ? "Your bib number will follow." : "Your bib number: " + line.bib() + ".",
                        orderId, Money.ofCents(order.totalCents()), orderId)))));
    }
}
