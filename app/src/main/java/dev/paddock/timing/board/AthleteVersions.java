package dev.paddock.timing.board;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * For each athlete of a snapshot, the version since which their results are the same: their times and status, and
 * their placing in every ranking and segment. A kept athlete view or page from that version or later still shows
 * what this snapshot would, so it is served without building the view again to compare (a tick at the finish changes
 * a few athletes among 14,000). Conservative: an athlete placed again with the same place counts as changed.
 */
public final class AthleteVersions {

    /** Each athlete's position in the start list, by bib: shared by every snapshot of the same start list. */
    private final Map<Integer, Integer> positions;
    private final long[] since;

    private AthleteVersions(Map<Integer, Integer> positions, long[] since) {
        this.positions = positions;
        this.since = since;
    }

    /** Everyone changed at {@code version}: a snapshot computed from scratch. */
    static AthleteVersions all(Collection<Integer> bibs, long version) {
        Map<Integer, Integer> positions = new HashMap<>();
        for (Integer bib : bibs) {
            positions.putIfAbsent(bib, positions.size());
        }
        long[] since = new long[positions.size()];
        Arrays.fill(since, version);
        return new AthleteVersions(Map.copyOf(positions), since);
    }

    /** The same with the athletes of {@code bibs} changed at {@code version}. */
    AthleteVersions with(long version, Collection<Integer> bibs) {
        if (bibs.isEmpty()) {
            return this;
        }
        long[] next = since.clone();
        for (Integer bib : bibs) {
            Integer position = positions.get(bib);
            if (position != null) {
                next[position] = version;
            }
        }
        return new AthleteVersions(positions, next);
    }

    /** The version since which the athlete's results are the same; {@link Long#MAX_VALUE} for a bib not started. */
    public long since(int bib) {
        Integer position = positions.get(bib);
        return position == null ? Long.MAX_VALUE : since[position];
    }
}
