package dev.paddock.rankings;

import dev.paddock.rankings.RankingSpec.Grouping;
import java.util.ArrayList;
import java.util.Comparator;
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
                eligible.add(new Ranked(entrant, spec.lapsFirst() ? entrant.laps() : 0, time));
            }
        }
        Map<String, String> mergedInto = spec.grouping() == Grouping.CATEGORY && spec.minCategorySize() > 0
                ? CategoryMerge.targets(sizes(eligible), spec.categoryMergeOrder(), spec.minCategorySize())
                : Map.of();
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
        members.sort(ORDER);
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

    /** More laps, then less time, then who crossed first, then bib and id so the order is total. */
    private static final Comparator<Ranked> ORDER = Comparator.<Ranked>comparingInt(r -> -r.laps)
            .thenComparingLong(r -> r.time)
            .thenComparingLong(r -> r.entrant.finishSequence() > 0 ? r.entrant.finishSequence() : Long.MAX_VALUE)
            .thenComparing(r -> r.entrant.bib() == null ? "" : r.entrant.bib(), Rankings::naturalOrder)
            .thenComparing(r -> r.entrant.id());

    /** "9" before "10": bibs are numbers more often than not. */
    private static int naturalOrder(String a, String b) {
        if (a.matches("\\d{1,9}") && b.matches("\\d{1,9}")) {
            return Integer.compare(Integer.parseInt(a), Integer.parseInt(b));
        }
        return a.compareTo(b);
    }

    private record Ranked(Entrant entrant, int laps, long time) {
    }
}
