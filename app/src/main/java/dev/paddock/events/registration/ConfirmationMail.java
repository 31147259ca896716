package dev.paddock.events.registration;

import dev.paddock.mail.Mailer;
import dev.paddock.mail.OutgoingMail;
import dev.paddock.shared.Money;
import dev.paddock.shared.RoundTrip;
import java.util.List;
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

    /**
     * The mails of a batch's individual registrations, from what the batch answered (without reading the orders
     * back), stored in the batch's transaction with its other writes ({@code trip}): they go if and only if the
     * registrations commit.
     */
    void confirmedAll(RoundTrip trip, List<Confirmed> confirmed) {
        mailer.sendAll(trip, confirmed.stream().map(c -> mail(c.athlete().email(), c.athlete().firstName(), c.race().name(),
                c.race().eventName(), null, c.answer().registrations().getFirst().bib(), c.answer().orderId(),
                c.answer().totalCents())).toList());
    }

    /** An individual registration confirmed by its batch. */
    record Confirmed(Athlete athlete, RaceTerms race, RegistrationAnswer answer) {
    }

    private void send(String email, String firstName, String raceName, String eventName, String teamName, Integer bib,
            UUID orderId, long totalCents) {
        mailer.send(mail(email, firstName, raceName, eventName, teamName, bib, orderId, totalCents));
    }

    private static OutgoingMail mail(String email, String firstName, String raceName, String eventName,
            String teamName, Integer bib, UUID orderId, long totalCents) {
        return new OutgoingMail(email, "Registration confirmed: " + eventName + ", " + raceName,
                """
                Hello %s,

                your place in %s (%s) is confirmed%s.
                %s
                Order %s, %s paid.
                See it at /events/orders/%s
                """.formatted(firstName, raceName, eventName, teamName == null ? "" : " with team " + teamName,
                        bib == null ? "Your bib number will follow." : "Your bib number: " + bib + ".",
                        orderId, Money.ofCents(totalCents), orderId));
    }
}
