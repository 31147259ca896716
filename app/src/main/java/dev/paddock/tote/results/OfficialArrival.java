package dev.paddock.tote.results;

import dev.paddock.parimutuel.Arrival;
import java.time.Instant;
import java.util.UUID;

/**
 * A race's official result as settlement reads it.
 *
 * @param version    the result's version: 1 for the first entry, plus one for each correction
 * @param arrival    the finish, non-runners, disqualified runners and starters; {@link Arrival#cancelled()} for a
 *                   race cancelled for good
 * @param officialAt when the result (or the cancellation) became official
 */
public record OfficialArrival(UUID raceId, int version, Arrival arrival, Instant officialAt) {
}
