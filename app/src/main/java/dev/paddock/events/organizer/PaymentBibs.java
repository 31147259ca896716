package dev.paddock.events.organizer;

import dev.paddock.shared.RoundTrip;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Bibs at payment for the registration writer's batches: it takes a race's numbers before inserting the
 * registrations, writes each one with its bib, then holds the numbers in the same round trip as the insert. Each
 * registration row is written once, not inserted and then rewritten with its bib in every index of the table.
 */
@Component
public class PaymentBibs {

    private final Bibs bibs;

    PaymentBibs(Bibs bibs) {
        this.bibs = bibs;
    }

    /**
     * Up to {@code count} bibs of the race for registrations confirmed together, in their order (lowest first);
     * none if the race does not number at payment. Call inside the confirming transaction, then {@link #hold}.
     */
    public List<Integer> take(UUID raceId, int count) {
        return bibs.take(raceId, count);
    }

    /**
     * The registrations, inserted with the bibs {@link #take} gave (the first {@code bibs.size()} of them), hold
     * them: a statement added to {@code trip}, after the registrations' insert; it fails the trip if a number was
     * not held.
     */
    public void hold(RoundTrip trip, UUID raceId, List<UUID> registrationIds, List<Integer> bibs, Instant at) {
        if (!bibs.isEmpty()) {
            this.bibs.hold(trip, raceId, registrationIds.subList(0, bibs.size()), bibs, at);
        }
    }
}
