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
        orders.order(orderId).ifPresent(order -> order.registrations().forEach(line -> send(line.email(),
                line.firstName(), line.raceName(), order.eventName(), line.teamName(), line.bib(), orderId,
                order.totalCents())));
    }

    /** An individual registration's mail from what its batch answered, without reading the order back. */
    void confirmed(Athlete athlete, RaceTerms race, RegistrationAnswer answer) {
        send(athlete.email(), athlete.firstName(), race.name(), race.eventName(), null,
                answer.registrations().getFirst().bib(), answer.orderId(), answer.totalCents());
    }

    private void send(String email, String firstName, String raceName, String eventName, String teamName, Integer bib,
            UUID orderId, long totalCents) {
        mailer.send(new OutgoingMail(email, "Registration confirmed: " + eventName + ", " + raceName,
                """
                Hello %s,

                your place in %s (%s) is confirmed%s.
                %s
                Order %s, %s paid.
                See it at /events/orders/%s
                """.formatted(firstName, raceName, eventName, teamName == null ? "" : " with team " + teamName,
                        bib == null ? "Your bib number will follow." : "Your bib number: " + bib + ".",
                        orderId, Money.ofCents(totalCents), orderId)));
    }
}
