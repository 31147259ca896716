package dev.paddock.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A registration holds a paid place. Published in the transaction that confirms it, so listeners that run
 * in that transaction (a bib assigned at payment) commit or roll back with it.
 *
 * @param accountId the athlete's account, or null for a person entered without one
 * @param teamId    the team, or null for an individual race
 */
public record RegistrationConfirmed(UUID registrationId, UUID raceId, UUID eventId, UUID accountId,
        UUID teamId, Instant at) {
}
