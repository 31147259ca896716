package dev.paddock.events.organizer;

import java.time.ZoneId;
import java.util.UUID;

/** An event as its organizer's pages need it: what to show in titles and the zone its dates are read in. */
record OrganizedEvent(UUID id, String slug, String name, ZoneId zone, UUID organizerId) {
}
