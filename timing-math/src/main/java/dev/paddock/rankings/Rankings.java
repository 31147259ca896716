package dev.paddock.rankings;

import dev.paddock.rankings.RankingSpec.Grouping;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Computes rankings. Pure and deterministic: the same entrants in any order give the same ranking. A
 * 14,000-entrant race ranks in a few milliseconds, so rankings are recomputed whole after each batch of
 * passings rather than patched.
 */
public final class Rankings {

    private Rankings() {
    }

    public static Ranking rank(RankingSpec spec, List<Entrant> entrants) {
        List<Ranked> eligible = new ArrayList<>();
        for (Entrant entrant : entrants) {
            Long time = entrant.time(spec.clock(), spec.point());
            if (time != null && eligibleAt(entrant, spec) && spec.filter().holds(entrant)) {
                eligible.add(Ranked.of(entrant, spec.lapsFirst() ? entrant.laps() : 0, time));
            }
        }
        Map<String, String> mergedInto = spec.grouping() == Grouping.CATEGORY && spec.minCategorySize() > 0
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
            List<Placing> placings = place(group, members, spec.ties());
            groups.put(group, placings);
            placings.forEach(p -> byEntrant.put(p.entrantId(), p));
        });
        return new Ranking(spec, groups, byEntrant);
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
    private static String groupOf(Entrant entrant, RankingSpec spec) {
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

    private static List<Placing> place(String group, List<Ranked> members, TiePolicy ties) {
        List<Placing> placings = new ArrayList<>(members.size());
        Ranked leader = members.getFirst();
        for (int i = 0; i < members.size(); i++) {
            Ranked current = members.get(i);
            boolean tiedWithPrevious = i > 0 && sameResult(members.get(i - 1), current);
            boolean tiedWithNext = i + 1 < members.size() && sameResult(current, members.get(i + 1));
            int place = ties == TiePolicy.SHARED && tiedWithPrevious ? placings.get(i - 1).place() : i + 1;
            long behind = current.laps == leader.laps ? current.time - leader.time : 0;
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
    private record Ranked(Entrant entrant, int laps, long time, long sequence, long bibNumber, String bib)
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
