package dev.paddock.rankings;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges categories with too few entrants into the next one of an organizer's list: with M75, M70, M65
 * and a minimum of 3, two M75 and two M70 runners all run in M65 (M75 joins M70, still too small, so
 * both join M65). The last category of the list keeps whatever it gets.
 */
final class CategoryMerge {

    private CategoryMerge() {
    }

    /** Category → the category it is ranked in, for the merged ones only. */
    static Map<String, String> targets(Map<String, Integer> sizes, List<String> order, int minimum) {
        Map<String, String> targets = new HashMap<>();
        List<String> pending = new ArrayList<>();
        int carried = 0;
        for (int i = 0; i < order.size(); i++) {
            String category = order.get(i);
            pending.add(category);
            carried += sizes.getOrDefault(category, 0);
            if (carried >= minimum || i == order.size() - 1) {
                pending.stream().filter(merged -> !merged.equals(category)).forEach(merged -> targets.put(merged, category));
                pending.clear();
                carried = 0;
            }
        }
        return targets;
    }
}
