package dev.paddock.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Several registrations of one race confirmed together in one transaction (a batch of the registration writer),
 * in arrival order. Published in that transaction just before their {@link RegistrationConfirmed} events, which
 * are still published one by one: a listener that can handle the batch at once (bibs at payment) does so here
 * and may then pass over the single events of these registrations.
 */
public record RegistrationsConfirmed(UUID raceId, UUID eventId, List<UUID> registrationIds, Instant at) {

    public RegistrationsConfirmed {
        registrationIds = List.copyOf(registrationIds);
    }
}
