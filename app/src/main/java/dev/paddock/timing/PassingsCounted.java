package dev.paddock.timing;

import java.util.Set;
import java.util.UUID;

/**
 * Passings were judged for these bibs of a race and committed: what counts for them may have changed.
 * Published by the intake in its transaction; live rankings refresh those athletes after commit.
 */
public record PassingsCounted(UUID raceId, Set<Integer> bibs) {

    public PassingsCounted {
        bibs = Set.copyOf(bibs);
    }
}
