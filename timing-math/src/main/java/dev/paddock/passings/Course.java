package dev.paddock.passings;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A race's timing points in course order and what the timing judges as plausible.
 *
 * @param points         in course order: START first if there is a start mat, FINISH last; a lap race
 *                       has a LAP point (and optionally START)
 * @param fastestPerKm   milliseconds per kilometre faster than which a passing is implausible (a marathon's
 *                       world record pace is about 2:52/km; 2:30/km leaves room for downhill splits)
 * @param sameReadWithin two reads of one athlete at one point closer than this are the same crossing (a
 *                       lap point's laps are further apart than this)
 */
public record Course(List<TimingPoint> points, long fastestPerKm, long sameReadWithin) {

    public Course {
        points = List.copyOf(points);
        if (points.isEmpty() || fastestPerKm <= 0 || sameReadWithin < 0) {
            throw new IllegalArgumentException("A course has timing points, a fastest pace and a duplicate window");
        }
        if (points.stream().map(TimingPoint::code).distinct().count() != points.size()) {
            throw new IllegalArgumentException("Timing point codes are unique");
        }
        for (int i = 1; i < points.size(); i++) {
            TimingPoint before = points.get(i - 1);
            TimingPoint after = points.get(i);
            if (after.kind() != TimingPoint.Kind.LAP && before.kind() != TimingPoint.Kind.LAP
                    && after.distanceMetres() <= before.distanceMetres()) {
                throw new IllegalArgumentException("Timing points are listed in course order");
            }
        }
    }

    public Optional<TimingPoint> point(String code) {
        return Optional.ofNullable(byCode().get(code));
    }

    int order(String code) {
        for (int i = 0; i < points.size(); i++) {
            if (points.get(i).code().equals(code)) {
                return i;
            }
        }
        return -1;
    }

    private Map<String, TimingPoint> byCode() {
        return points.stream().collect(Collectors.toMap(TimingPoint::code, Function.identity()));
    }

    /** The least time an athlete can take over a distance. */
    long fastest(int metres) {
        return fastestPerKm * metres / 1000;
    }
}
