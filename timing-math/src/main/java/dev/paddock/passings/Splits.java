package dev.paddock.passings;

import dev.paddock.passings.TimingPoint.Kind;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An athlete's times from their counted passings. Gun time runs from the wave's start signal; net time
 * from the athlete's own start-mat read, or from the signal when the start mat missed them (the usual
 * rule: never credit an athlete with a start they were not read at). A lap race's finish is its last lap.
 *
 * @param gun  milliseconds from the start signal by point code ("finish" included)
 * @param net  milliseconds from the athlete's start by point code
 * @param laps laps completed on a LAP point, 0 otherwise
 */
public record Splits(Map<String, Long> gun, Map<String, Long> net, int laps) {

    public static final String FINISH = "finish";

    public Splits {
        gun = Map.copyOf(gun);
        net = Map.copyOf(net);
    }

    public static Splits of(Course course, long waveStart, List<Passing> counted) {
        long ownStart = counted.stream()
                .filter(p -> course.point(p.point()).map(t -> t.kind() == Kind.START).orElse(false))
                .mapToLong(Passing::atMillis).min().orElse(waveStart);
        Map<String, Long> gun = new HashMap<>();
        Map<String, Long> net = new HashMap<>();
        int laps = 0;
        long lastLap = -1;
        for (Passing passing : counted.stream().sorted(Comparator.comparingLong(Passing::atMillis)).toList()) {
            TimingPoint point = course.point(passing.point()).orElse(null);
            if (point == null || point.kind() == Kind.START) {
                continue;
            }
            if (point.kind() == Kind.LAP) {
                laps++;
                lastLap = passing.atMillis();
                gun.put(point.code() + laps, passing.atMillis() - waveStart);
                net.put(point.code() + laps, passing.atMillis() - ownStart);
            } else {
                String code = point.kind() == Kind.FINISH ? FINISH : point.code();
                gun.put(code, passing.atMillis() - waveStart);
                net.put(code, passing.atMillis() - ownStart);
            }
        }
        if (laps > 0 && !gun.containsKey(FINISH)) {
            gun.put(FINISH, lastLap - waveStart);
            net.put(FINISH, lastLap - ownStart);
        }
        return new Splits(gun, net, laps);
    }
}
