package dev.paddock.events;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What other modules (timing and results) may read about a race's entrants: the confirmed registrations
 * with a bib, as of now.
 */
public interface Startlists {

    Optional<StartlistRace> race(UUID raceId);

    /** The keys of the race's PUBLIC custom fields (club...): what results may show, filter and group on. */
    java.util.Set<String> publicFields(UUID raceId);

    /** Confirmed registrations of the race that have a bib, in bib order. */
    List<Starter> starters(UUID raceId);

    /** Races starting between two moments, soonest first: what a timing desk lists. */
    List<StartlistRace> racesBetween(java.time.Instant from, java.time.Instant to);

    /** The races an account is (or was) confirmed in with a bib, latest race first. */
    List<Entry> entriesOf(UUID accountId);

    record Entry(UUID raceId, int bib) {
    }
}
