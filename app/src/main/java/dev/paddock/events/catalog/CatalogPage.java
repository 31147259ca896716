package dev.paddock.events.catalog;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** One page of the public catalogue ({@code GET /api/events}). */
record CatalogPage(int page, boolean hasNext, List<Entry> events) {

    /**
     * @param distancesM the distinct distances of its races, shortest first
     * @param open       whether one of its races takes registrations now
     */
    record Entry(UUID id, String slug, String name, String sport, String venue, String region, String country,
            LocalDate startsOn, LocalDate endsOn, List<Integer> distancesM, boolean open) {
    }
}
