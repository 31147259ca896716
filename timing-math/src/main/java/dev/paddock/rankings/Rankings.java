package dev.paddock.rankings;

import dev.paddock.rankings.RankingSpec.Grouping;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Computes rankings. Pure and deterministic: the same entrants in any order give the same ranking. Live results
 * {@link #update} the previous ranking with what changed instead (see {@link RankingUpdates}); the result is the
 * same as ranking everyone again.
 */
public final class Rankings {

    private Rankings() {
    }

    public static Ranking rank(RankingSpec spec, List<Entrant> entrants) {
        List<Ranked> eligible = new ArrayList<>();
        for (Entrant entrant : entrants) {
            Ranked ranked = ranked(entrant, spec);
            if (ranked != null) {
                eligible.add(ranked);
            }
        }
        Map<String, String> mergedInto = merges(spec)
                ? CategoryMerge.targets(sizes(eligible), spec.categoryMergeOrder(), spec.minCategorySize())
                : Map.of();
        // One sort for all groups: each group then receives its members already in order.
        eligible.sort(null);
        Map<String, List<Ranked>> grouped = new TreeMap<>();
        for (Ranked ranked : eligible) {
            String group = groupOf(ranked.entrant, spec);
            if (group != null) {
                grouped.computeIfAbsent(mergedInto.getOrDefault(group, group), g -> new ArrayList<>()).add(ranked);
            }
        }
        Map<String, List<Placing>> groups = new TreeMap<>();
        Map<String, Placing> byEntrant = new HashMap<>();
        grouped.forEach((group, members) -> {
            List<Placing> placings = place(group, members, spec.ties(), List.of());
            groups.put(group, placings);
            placings.forEach(p -> byEntrant.put(p.entrantId(), p));
        });
        return new Ranking(spec, groups, byEntrant);
    }

    /**
     * The previous ranking brought up to date with {@code changes} (each entrant as it was and as it is; null before
     * for a new one, null after for one gone): equal to {@link #rank} over {@code entrants}, all of them as they are
     * now, by id. Groups no change touches are kept as they were, and so is a touched group up to its first change.
     * A null previous ranking, or one of another spec, is ranked whole.
     */
    public static Ranking update(Ranking previous, RankingSpec spec, Map<String, Entrant> entrants,
            List<Change> changes) {
        if (previous == null || !previous.spec().equals(spec)) {
            return rank(spec, List.copyOf(entrants.values()));
        }
        return RankingUpdates.update(previous, spec, entrants, changes);
    }

    /** An entrant as it was in the previous ranking's input and as it is now; null when absent. */
    public record Change(Entrant before, Entrant after) {
    }

    /** The entrant with its sort keys if the ranking holds them, else null. */
    static Ranked ranked(Entrant entrant, RankingSpec spec) {
        if (entrant == null) {
            return null;
        }
        Long time = entrant.time(spec.clock(), spec.point());
        return time != null && eligibleAt(entrant, spec) && spec.filter().holds(entrant)
                ? Ranked.of(entrant, spec.lapsFirst() ? entrant.laps() : 0, time) : null;
    }

    static boolean merges(RankingSpec spec) {
        return spec.grouping() == Grouping.CATEGORY && spec.minCategorySize() > 0;
    }

    private static boolean eligibleAt(Entrant entrant, RankingSpec spec) {
        return Entrant.FINISH.equals(spec.point()) ? entrant.status() == Status.FINISHED
                : entrant.status().rankedAtSplits();
    }

    private static Map<String, Integer> sizes(List<Ranked> eligible) {
        Map<String, Integer> sizes = new HashMap<>();
        eligible.stream().filter(r -> r.entrant.category() != null)
                .forEach(r -> sizes.merge(r.entrant.category(), 1, Integer::sum));
        return sizes;
    }

    /** The entrant's group, or null when the grouping does not apply to them (no category, no club). */
    static String groupOf(Entrant entrant, RankingSpec spec) {
        return switch (spec.grouping()) {
            case OVERALL -> "";
            case GENDER -> entrant.gender();
            case CATEGORY -> entrant.category();
            case FIELD -> blankToNull(entrant.fields().get(spec.groupField()));
        };
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /**
     * Places the group's members in order after the placings {@code kept} (its first ones, kept as they are):
     * everyone when none are kept.
     */
    static List<Placing> place(String group, List<Ranked> members, TiePolicy ties, List<Placing> kept) {
        List<Placing> placings = new ArrayList<>(kept.size() + members.size());
        placings.addAll(kept);
        int leaderLaps = kept.isEmpty() ? members.getFirst().laps : kept.getFirst().laps();
        long leaderTime = kept.isEmpty() ? members.getFirst().time : kept.getFirst().time();
        for (int j = 0; j < members.size(); j++) {
            Ranked current = members.get(j);
            int i = kept.size() + j;
            boolean tiedWithPrevious = j > 0 ? sameResult(members.get(j - 1), current)
                    : i > 0 && kept.getLast().laps() == current.laps && kept.getLast().time() == current.time;
            boolean tiedWithNext = j + 1 < members.size() && sameResult(current, members.get(j + 1));
            int place = ties == TiePolicy.SHARED && tiedWithPrevious ? placings.get(i - 1).place() : i + 1;
            long behind = current.laps == leaderLaps ? current.time - leaderTime : 0;
            placings.add(new Placing(current.entrant.id(), group, place, tiedWithPrevious || tiedWithNext,
                    current.laps, current.time, behind));
        }
        return placings;
    }

    private static boolean sameResult(Ranked a, Ranked b) {
        return a.laps == b.laps && a.time == b.time;
    }

    /**
     * An eligible entrant with its sort keys unpacked: more laps, then less time, then who crossed first, then
     * the bib ("9" before "10" when both are numbers) and the id, so the order is total.
     */
    record Ranked(Entrant entrant, int laps, long time, long sequence, long bibNumber, String bib)
            implements Comparable<Ranked> {

        static Ranked of(Entrant entrant, int laps, long time) {
            String bib = entrant.bib() == null ? "" : entrant.bib();
            return new Ranked(entrant, laps, time, entrant.finishSequence() > 0 ? entrant.finishSequence() : Long.MAX_VALUE,
                    numeric(bib), bib);
        }

        private static long numeric(String bib) {
            if (bib.isEmpty() || bib.length() > 9) {
                return -1;
            }
            for (int i = 0; i < bib.length(); i++) {
                if (bib.charAt(i) < '0' || bib.charAt(i) > '9') {
                    return -1;
                }
            }
            return Long.parseLong(bib);
        }

        @Override
        public int compareTo(Ranked other) {
            if (laps != other.laps) {
                return Integer.compare(other.laps, laps);
            }
            if (time != other.time) {
                return Long.compare(time, other.time);
            }
            if (sequence != other.sequence) {
                return Long.compare(sequence, other.sequence);
            }
            int byBib = bibNumber >= 0 && other.bibNumber >= 0 ? Long.compare(bibNumber, other.bibNumber)
                    : bib.compareTo(other.bib);
            return byBib != 0 ? byBib : entrant.id().compareTo(other.entrant.id());
        }
    }
}
