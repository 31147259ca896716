package dev.paddock.events.catalog;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/** What an organizer sets on an event itself. */
record EventDetails(String name, Sport sport, String description, String venue, String region, String country,
        ZoneId zone, LocalDate startsOn, LocalDate endsOn, List<RefundStep> refundPolicy, Instant transferDeadline,
        long transferFeeCents) {

    EventDetails {
        refundPolicy = refundPolicy == null ? List.of() : List.copyOf(refundPolicy);
        description = description == null ? "" : description;
        region = region == null ? "" : region;
    }

    enum Sport {
        RUNNING, TRAIL, CYCLING, TRIATHLON, SKI_MOUNTAINEERING, SWIMMING, OTHER
    }
}
