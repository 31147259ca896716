package dev.paddock.events.registration;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import java.util.UUID;

/**
 * What the registration API answers (and stores for a replay of the same requestId).
 *
 * @param orderId  null when nothing was bought (waitlist, lottery entry)
 * @param status   CONFIRMED, WAITLISTED or ENTERED
 * @param joinCode the team's code when the captain created a team to be joined, else null
 */
record RegistrationAnswer(UUID orderId, String status, UUID teamId, String joinCode, List<Entry> registrations,
        long subtotalCents, long discountCents, long totalCents, @JsonIgnore boolean replayed) {

    record Entry(UUID id, UUID raceId, String status, Integer bib, long priceCents, Long waitlistPosition) {
    }

    RegistrationAnswer asReplay() {
        return new RegistrationAnswer(orderId, status, teamId, joinCode, registrations, subtotalCents, discountCents,
                totalCents, true);
    }

    RegistrationAnswer withBibs(java.util.Map<UUID, Integer> bibs) {
        return new RegistrationAnswer(orderId, status, teamId, joinCode, registrations.stream()
                .map(e -> new Entry(e.id(), e.raceId(), e.status(), bibs.get(e.id()), e.priceCents(),
                        e.waitlistPosition()))
                .toList(), subtotalCents, discountCents, totalCents, replayed);
    }
}
