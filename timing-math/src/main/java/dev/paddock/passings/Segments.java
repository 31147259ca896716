package dev.paddock.passings;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An athlete's segment times from their times at the course's points. A segment is known only when both its
 * points were read and the later one comes after the earlier one: a missed mat or a clock out of step makes it
 * unknown, never zero or negative. Segments are shown, never added up: the total is the finish time itself.
 */
public final class Segments {

    private Segments() {
    }

    /**
     * @param times milliseconds on one clock by point, as {@link Splits} keys them: the FINISH point under
     *              {@link Splits#FINISH}; a START point is 0 (the clock's own start)
     * @return the known segments' milliseconds by segment code, in the segments' order
     */
    public static Map<String, Long> times(Course course, List<Segment> segments, Map<String, Long> times) {
        Map<String, Long> known = new LinkedHashMap<>();
        for (Segment segment : segments) {
            Long from = at(course, segment.from(), times);
            Long to = at(course, segment.to(), times);
            if (from != null && to != null && to > from) {
                known.put(segment.code(), to - from);
            }
        }
        return known;
    }

    private static Long at(Course course, String code, Map<String, Long> times) {
        TimingPoint point = course.point(code).orElse(null);
        if (point == null) {
            return null;
        }
        return switch (point.kind()) {
            case START -> 0L;
            case FINISH -> times.get(Splits.FINISH);
            case SPLIT, LAP -> times.get(code);
        };
    }
}
