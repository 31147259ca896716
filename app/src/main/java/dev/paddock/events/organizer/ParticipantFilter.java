package dev.paddock.events.organizer;

import dev.paddock.shared.ProblemException;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Which registrations of an event a list or an export holds: one race or all, one status or all, and a
 * search on name, e-mail or bib number.
 */
record ParticipantFilter(UUID eventId, UUID raceId, String status, String query) {

    static final Set<String> STATUSES = Set.of("CONFIRMED", "OFFERED", "WAITLISTED", "ENTERED", "NOT_DRAWN", "EXPIRED",
            "CANCELLED");

    ParticipantFilter {
        status = status == null || status.isBlank() ? null : status.strip().toUpperCase(java.util.Locale.ROOT);
        if (status != null && !STATUSES.contains(status)) {
            throw ProblemException.field("status", "unknown", "status is one of " + List.copyOf(STATUSES) + ".");
        }
        query = query == null || query.isBlank() ? null : query.strip();
        if (query != null && query.length() > 100) {
            throw ProblemException.field("q", "size", "A search has at most 100 characters.");
        }
    }

    /** A public list: confirmed registrations only, whatever status was asked. */
    ParticipantFilter confirmedOnly() {
        return new ParticipantFilter(eventId, raceId, "CONFIRMED", query);
    }
}
