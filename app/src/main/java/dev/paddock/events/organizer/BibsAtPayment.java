package dev.paddock.events.organizer;

import dev.paddock.events.RegistrationConfirmed;
import dev.paddock.events.RegistrationTransferred;
import dev.paddock.events.RegistrationsConfirmed;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A bib as soon as a place is paid, for AT_PAYMENT races: runs synchronously in the confirming
 * transaction, so the number commits or rolls back with the confirmation. A transfer to another race
 * trades the old race's number for one of the new race.
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

    @EventListener
    void on(RegistrationsConfirmed confirmed) {
        bibs.atPayment(confirmed);
    }

    @EventListener
    void on(RegistrationTransferred transferred) {
        bibs.transferred(transferred);
    }
}
