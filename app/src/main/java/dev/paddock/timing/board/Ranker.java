package dev.paddock.timing.board;

import dev.paddock.rankings.Entrant;
import dev.paddock.rankings.Ranking;
import dev.paddock.rankings.RankingSpec;
import dev.paddock.rankings.Rankings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Ranks a board's entrants for any list of rankings: each one anew, or, with a previous snapshot, each updated
 * with the entrants that changed since (a tick of passings changes a few among thousands).
 */
record Ranker(List<Entrant> all, Snapshot previous, Map<String, Entrant> byId, List<Rankings.Change> changes) {

    /**
     * @param all every entrant, needed only without a previous snapshot (null otherwise is fine)
     * @param byId the same entrants by id, as {@link Rankings#update} looks them up
     */
    static Ranker of(List<Entrant> all, Map<Integer, Entrant> entrants, Map<String, Entrant> byId, Snapshot previous,
            Set<Integer> changed) {
        if (previous == null) {
            return new Ranker(all, null, Map.of(), List.of());
        }
        List<Rankings.Change> changes = new ArrayList<>();
        for (Integer bib : changed) {
            Entrant before = previous.entrants().get(bib);
            Entrant after = entrants.get(bib);
            if (before != after) {
                changes.add(new Rankings.Change(before, after));
            }
        }
        return new Ranker(all, previous, byId, changes);
    }

    /** The ranking kept in snapshots under {@code key}. */
    Ranking rank(String key, RankingSpec spec) {
        return previous == null ? Rankings.rank(spec, all)
                : Rankings.update(previous.rankings().get(key), spec, byId, changes);
    }
}
