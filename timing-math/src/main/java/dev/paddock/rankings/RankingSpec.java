package dev.paddock.rankings;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A ranking as data, so organizers configure rankings rather than code them: who is in it, how they are
 * grouped, what orders them, and what equal times get.
 *
 * @param code               stable name, e.g. "overall", "gender", "category", "club"
 * @param filter             who is in it
 * @param grouping           one list, or one per gender, category or value of a public field
 * @param groupField         the public field of a FIELD grouping (e.g. "club"), else null
 * @param clock              GUN or NET time
 * @param point              the timing point it ranks at: {@link Entrant#FINISH} or a split's code
 * @param lapsFirst          lap races: most laps first, then the fastest time
 * @param ties               equal times share a place, or follow the finish order
 * @param minCategorySize    with CATEGORY grouping, a category with fewer entrants than this is merged;
 *                           0 = never merge
 * @param categoryMergeOrder each category of this list that is too small merges into the next one listed
 *                           (e.g. M75, M70, M65: a lone M75 runs in M70), cascading while still too small
 */
public record RankingSpec(String code, Filter filter, Grouping grouping, String groupField, Clock clock,
        String point, boolean lapsFirst, TiePolicy ties, int minCategorySize, List<String> categoryMergeOrder) {

    public enum Grouping {
        OVERALL, GENDER, CATEGORY, FIELD
    }

    public RankingSpec {
        if (code == null || grouping == null || clock == null || ties == null) {
            throw new IllegalArgumentException("A ranking has a code, a grouping, a clock and a tie policy");
        }
        if ((grouping == Grouping.FIELD) != (groupField != null)) {
            throw new IllegalArgumentException("A FIELD grouping, and only it, names its field");
        }
        filter = filter == null ? Filter.EVERYONE : filter;
        point = point == null ? Entrant.FINISH : point;
        categoryMergeOrder = categoryMergeOrder == null ? List.of() : List.copyOf(categoryMergeOrder);
        if (minCategorySize < 0) {
            throw new IllegalArgumentException("A minimum category size is not negative");
        }
    }

    /** The usual ranking at the finish: one grouping, no filter, no merging. */
    public static RankingSpec of(String code, Grouping grouping, Clock clock, TiePolicy ties) {
        return new RankingSpec(code, Filter.EVERYONE, grouping, null, clock, Entrant.FINISH, false, ties, 0, List.of());
    }

    /**
     * Who a ranking holds; every part that is set must match.
     *
     * @param gender     only this gender, or null
     * @param categories only these categories, or empty
     * @param fields     only entrants whose public fields have these values, or empty
     */
    public record Filter(String gender, Set<String> categories, Map<String, String> fields) {

        public static final Filter EVERYONE = new Filter(null, Set.of(), Map.of());

        public Filter {
            categories = categories == null ? Set.of() : Set.copyOf(categories);
            fields = fields == null ? Map.of() : Map.copyOf(fields);
        }

        boolean holds(Entrant entrant) {
            return (gender == null || gender.equals(entrant.gender()))
                    && (categories.isEmpty() || entrant.category() != null && categories.contains(entrant.category()))
                    && fields.entrySet().stream().allMatch(f -> f.getValue().equals(entrant.fields().get(f.getKey())));
        }
    }
}
