package dev.paddock.events.organizer;

import java.util.UUID;

/**
 * A confirmed registration waiting for a bib, as bib ordering sees it.
 *
 * @param teamId           null for an individual race
 * @param substitute       a team's substitute, numbered after its members
 * @param predictedSeconds the athlete's predicted finish time, or null
 */
record Entrant(UUID id, String firstName, String lastName, UUID teamId, String teamName, boolean substitute,
        Integer predictedSeconds) {
}
