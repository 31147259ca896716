package dev.paddock.rankings;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A computed ranking: its groups in name order, each a list of placings in place order.
 *
 * @param byEntrant each entrant's placing, immutable ({@link EntrantPlacings}: updates share what they do not change)
 */
public record Ranking(RankingSpec spec, Map<String, List<Placing>> groups, Map<String, Placing> byEntrant) {

    public Ranking {
        groups = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(groups));
        byEntrant = EntrantPlacings.of(byEntrant);
    }

    public Optional<Placing> of(String entrantId) {
        return Optional.ofNullable(byEntrant.get(entrantId));
    }

    public List<Placing> group(String name) {
        return groups.getOrDefault(name, List.of());
    }
}
