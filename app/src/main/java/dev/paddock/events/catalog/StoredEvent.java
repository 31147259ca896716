package dev.paddock.events.catalog;

import java.util.UUID;

/** An event as stored. */
record StoredEvent(UUID id, String slug, UUID organizerId, EventDetails details, Status status, long version) {

    enum Status {
        DRAFT, PUBLISHED, CANCELLED
    }
}
