package dev.paddock.events.organizer;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Registrations over time in buckets of an hour or a day, in the event's zone. Hours while the confirmations
 * span at most three days (an opening rush), days beyond. Empty buckets between the first and the last are
 * filled with zero so a chart's axis is even; at most {@link #MAX_BUCKETS}, the latest kept.
 */
final class Timeline {

    enum Unit {
        HOUR, DAY;

        ChronoUnit chrono() {
            return this == HOUR ? ChronoUnit.HOURS : ChronoUnit.DAYS;
        }
    }

    static final int MAX_BUCKETS = 400;

    record Point(LocalDateTime at, long registrations) {
    }

    private Timeline() {
    }

    static Unit unitFor(LocalDateTime first, LocalDateTime last) {
        return Duration.between(first, last).compareTo(Duration.ofDays(3)) <= 0 ? Unit.HOUR : Unit.DAY;
    }

    /** @param counts registrations per bucket start (already truncated to the unit) */
    static List<Point> fill(Map<LocalDateTime, Long> counts, Unit unit) {
        if (counts.isEmpty()) {
            return List.of();
        }
        LocalDateTime first = counts.keySet().stream().min(LocalDateTime::compareTo).orElseThrow();
        LocalDateTime last = counts.keySet().stream().max(LocalDateTime::compareTo).orElseThrow();
        long span = unit.chrono().between(first, last);
        LocalDateTime from = span >= MAX_BUCKETS ? last.minus(MAX_BUCKETS - 1, unit.chrono()) : first;
        List<Point> points = new ArrayList<>();
        for (LocalDateTime at = from; !at.isAfter(last); at = at.plus(1, unit.chrono())) {
            points.add(new Point(at, counts.getOrDefault(at, 0L)));
        }
        return points;
    }
}
