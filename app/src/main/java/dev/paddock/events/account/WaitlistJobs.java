package dev.paddock.events.account;

import dev.paddock.events.PlaceFreed;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the waitlist: a freed place is offered once its transaction has committed (the listener is recorded in the
 * event publication registry, so a failure is retried); a sweep expires lapsed offers and offers any free place a
 * missed event left behind.
 */
@Component
class WaitlistJobs {

    private final Offers offers;

    WaitlistJobs(Offers offers) {
        this.offers = offers;
    }

    @ApplicationModuleListener
    void on(PlaceFreed freed) {
        offers.offerFreePlaces(freed.raceId());
    }

    @Scheduled(initialDelayString = "${paddock.events.account.offer-sweep:30s}",
            fixedDelayString = "${paddock.events.account.offer-sweep:30s}")
    void sweep() {
        int expired;
        do {
            expired = offers.expireDue();
        } while (expired == Offers.EXPIRY_BATCH);
        offers.racesWithFreePlacesAndAWaitlist().forEach(offers::offerFreePlaces);
    }
}
