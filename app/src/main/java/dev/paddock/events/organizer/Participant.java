package dev.paddock.events.organizer;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One registration as the organizer's participant list and exports show it.
 *
 * @param answers the custom field values asked for, in the order of the columns (null where not answered)
 */
record Participant(UUID id, UUID raceId, String raceCode, String status, Integer bib, String wave, String firstName,
        String lastName, String gender, LocalDate birthDate, String nationality, String email, String teamName,
        String teamRole, Integer predictedSeconds, Instant confirmedAt, long priceCents, List<String> answers) {
}
