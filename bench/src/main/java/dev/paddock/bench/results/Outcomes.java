package dev.paddock.bench.results;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** The intake's verdict on every crossing sent, first answers and replays alike; none yet for an unknown outcome. */
final class Outcomes {

    private final Map<Marathon.Crossing, String> verdicts = new ConcurrentHashMap<>();

    void answered(Marathon.Crossing crossing, String verdict) {
        verdicts.put(crossing, verdict);
    }

    boolean known(Marathon.Crossing crossing) {
        return verdicts.containsKey(crossing);
    }

    String verdict(Marathon.Crossing crossing) {
        return verdicts.get(crossing);
    }

    /** How many crossings got each verdict. */
    Map<String, Long> byVerdict() {
        Map<String, Long> counts = new TreeMap<>();
        verdicts.values().forEach(verdict -> counts.merge(verdict, 1L, Long::sum));
        return counts;
    }
}
