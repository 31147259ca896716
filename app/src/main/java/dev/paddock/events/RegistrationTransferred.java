package dev.paddock.events;

import java.time.Instant;
import java.util.UUID;

/** A registration moved to another race of its event (by its athlete or an operator). */
public record RegistrationTransferred(UUID registrationId, UUID fromRaceId, UUID toRaceId, UUID eventId,
        Instant at) {
}
