package dev.paddock.events.organizer;

import dev.paddock.events.RegistrationConfirmed;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A bib as soon as a place is paid, for AT_PAYMENT races: runs synchronously in the confirming
 * transaction, so the number commits or rolls back with the confirmation.
 */
@Component
class BibsAtPayment {

    private final Bibs bibs;

    BibsAtPayment(Bibs bibs) {
        this.bibs = bibs;
    }

    @EventListener
    void on(RegistrationConfirmed confirmed) {
        bibs.atPayment(confirmed);
    }
}
