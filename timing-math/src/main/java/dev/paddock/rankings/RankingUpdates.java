package dev.paddock.rankings;

import dev.paddock.rankings.Rankings.Change;
import dev.paddock.rankings.Rankings.Ranked;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * A ranking brought up to date with a few changed entrants rather than ranked again: a tick of live results
 * changes a handful of athletes among thousands, mostly at the end of a group (a new finisher is slower than those
 * already in). Changes that move nobody in this ranking (a split passed, for a finish ranking) leave it as it was;
 * otherwise each group they touch merges its kept members (already in order) with the changed ones, and only
 * placings from the first difference on are made again. Category merging depends on every category's size, so a
 * ranking that merges is ranked whole when it changes.
 */
final class RankingUpdates {

    private RankingUpdates() {
    }

    static Ranking update(Ranking previous, RankingSpec spec, Map<String, Entrant> entrants, List<Change> changes) {
        Map<String, List<Ranked>> coming = new TreeMap<>();
        Map<String, Set<String>> gone = new HashMap<>();
        for (Change change : changes) {
            Ranked before = Rankings.ranked(change.before(), spec);
            Ranked after = Rankings.ranked(change.after(), spec);
            String beforeGroup = before == null ? null : Rankings.groupOf(change.before(), spec);
            String afterGroup = after == null ? null : Rankings.groupOf(change.after(), spec);
            if (sameResult(beforeGroup == null ? null : before, beforeGroup, afterGroup == null ? null : after,
                    afterGroup)) {
                continue;
            }
            if (Rankings.merges(spec)) {
                return Rankings.rank(spec, List.copyOf(entrants.values()));
            }
            if (beforeGroup != null) {
                gone.computeIfAbsent(beforeGroup, g -> new HashSet<>()).add(change.before().id());
            }
            if (afterGroup != null) {
                coming.computeIfAbsent(afterGroup, g -> new ArrayList<>()).add(after);
            }
        }
        if (coming.isEmpty() && gone.isEmpty()) {
            return previous;
        }
        Map<String, List<Placing>> groups = new TreeMap<>(previous.groups());
        Map<String, Placing> placed = new HashMap<>();
        Set<String> touched = new HashSet<>(gone.keySet());
        touched.addAll(coming.keySet());
        for (String group : touched) {
            List<Placing> kept = previous.group(group);
            Set<String> leaving = gone.getOrDefault(group, Set.of());
            List<Ranked> arriving = coming.getOrDefault(group, new ArrayList<>());
            arriving.sort(null);
            // the placing before the first difference may become tied with the one after it
            int from = Math.max(0, firstDifference(kept, leaving, arriving, previous) - 1);
            List<Ranked> members = merge(kept.subList(from, kept.size()), leaving, arriving, entrants, spec);
            if (from == 0 && members.isEmpty()) {
                groups.remove(group);
                continue;
            }
            List<Placing> placings = Rankings.place(group, members, spec.ties(), kept.subList(0, from));
            groups.put(group, placings);
            for (int i = from; i < placings.size(); i++) {
                placed.put(placings.get(i).entrantId(), placings.get(i));
            }
        }
        List<String> left = gone.values().stream().flatMap(Set::stream).toList();
        return new Ranking(spec, groups, EntrantPlacings.of(previous.byEntrant()).with(placed, left));
    }

    /** The group's kept members in their order, without those gone, with those arriving (in order) merged in. */
    private static List<Ranked> merge(List<Placing> kept, Set<String> gone, List<Ranked> arriving,
            Map<String, Entrant> entrants, RankingSpec spec) {
        List<Ranked> members = new ArrayList<>(kept.size() + arriving.size());
        int next = 0;
        for (Placing placing : kept) {
            if (gone.contains(placing.entrantId())) {
                continue;
            }
            Ranked member = Rankings.ranked(entrants.get(placing.entrantId()), spec);
            while (next < arriving.size() && arriving.get(next).compareTo(member) < 0) {
                members.add(arriving.get(next++));
            }
            members.add(member);
        }
        while (next < arriving.size()) {
            members.add(arriving.get(next++));
        }
        return members;
    }

    /**
     * At most the index of the group's first placing that changes: no one leaving stands before it (a placing's
     * index is at least its place - 1) and no one arriving sorts before it (by laps and time alone, so a tie
     * counts from the start of its block). Everyone before it keeps their placing.
     */
    private static int firstDifference(List<Placing> kept, Set<String> leaving, List<Ranked> arriving,
            Ranking previous) {
        int first = kept.size();
        for (String id : leaving) {
            Placing placing = previous.byEntrant().get(id);
            first = Math.min(first, placing == null ? 0 : placing.place() - 1);
        }
        if (!arriving.isEmpty()) {
            Ranked best = arriving.getFirst();
            int low = 0;
            int high = Math.min(first, kept.size());
            while (low < high) {
                int middle = (low + high) >>> 1;
                Placing placing = kept.get(middle);
                boolean ahead = placing.laps() != best.laps() ? placing.laps() > best.laps()
                        : placing.time() < best.time();
                if (ahead) {
                    low = middle + 1;
                } else {
                    high = middle;
                }
            }
            first = Math.min(first, low);
        }
        return first;
    }

    /** Whether an entrant stands in the ranking as before: the same group with the same sort keys, or in none. */
    private static boolean sameResult(Ranked before, String beforeGroup, Ranked after, String afterGroup) {
        if (before == null || after == null) {
            return before == after;
        }
        return Objects.equals(beforeGroup, afterGroup) && before.compareTo(after) == 0;
    }
}
