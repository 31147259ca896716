package dev.paddock.tote.results;

import java.util.Optional;
import java.util.UUID;

/** The results of races, as settlement reads them. */
public interface Results {

    /**
     * The race's official result, or a cancelled arrival for a race cancelled for good; empty while the race has
     * no official result (not run yet, or provisional only).
     */
    Optional<OfficialArrival> official(UUID raceId);
}
