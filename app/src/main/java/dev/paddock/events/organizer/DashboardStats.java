package dev.paddock.events.organizer;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An event's live statistics, as {@code GET /api/events/organizer/events/{eventId}/stats} answers and the
 * dashboard draws. Counts are of CONFIRMED registrations unless named otherwise; money in cents.
 */
record DashboardStats(UUID eventId, String eventName, Instant at, Totals totals, TimelineView timeline,
        List<RaceFill> races, List<Count> categories, List<Count> genders, List<Count> countries,
        List<Count> ageBands, List<ChoiceCounts> choices) {

    /** Revenue is what orders paid, net of what was refunded. */
    record Totals(long confirmed, long offered, long waitlisted, long capacity, double fillRate, long orders,
            long paidCents, long refundedCents, long revenueCents) {
    }

    /** Bucket starts are local times of the event's zone. */
    record TimelineView(Timeline.Unit unit, String zone, List<Timeline.Point> points) {
    }

    /** fillRate = confirmed / capacity (0 for a race without places). */
    record RaceFill(UUID raceId, String code, String name, int capacity, long confirmed, long offered,
            long waitlisted, double fillRate) {
    }

    /** How confirmed athletes answered a CHOICE custom field (T-shirt sizes to order...), most chosen first. */
    record ChoiceCounts(String key, String label, List<Count> counts) {
    }

    static double rate(long part, long whole) {
        return whole <= 0 ? 0 : Math.round(part * 10_000.0 / whole) / 10_000.0;
    }
}
