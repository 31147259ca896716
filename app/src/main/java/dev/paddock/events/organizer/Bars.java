package dev.paddock.events.organizer;

import java.util.List;

/**
 * The geometry of a server-drawn bar chart: each bar's length as a percentage of the largest, so the SVG
 * scales with its box. A bar with a count above zero is never drawn thinner than 1%.
 */
final class Bars {

    record Bar(String label, long value, double percent) {
    }

    private Bars() {
    }

    static List<Bar> of(List<Count> counts) {
        long max = counts.stream().mapToLong(Count::count).max().orElse(0);
        return counts.stream().map(c -> new Bar(c.label(), c.count(), percent(c.count(), max))).toList();
    }

    static List<Bar> ofTimeline(List<Timeline.Point> points, Timeline.Unit unit) {
        return of(points.stream().map(p -> new Count(unit == Timeline.Unit.HOUR
                ? p.at().toLocalDate() + " " + p.at().toLocalTime() : p.at().toLocalDate().toString(), p.registrations()))
                .toList());
    }

    static double percent(long value, long max) {
        if (value <= 0 || max <= 0) {
            return 0;
        }
        return Math.max(1, Math.round(value * 1000.0 / max) / 10.0);
    }
}
