package dev.paddock.rankings;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

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

    /**
     * Tells each entrant whose placing may differ from {@code previous}'s (given placings not the same objects, held
     * in one ranking only): a ranking updated by a tick tells about what the update placed again, not its 14,000.
     */
    public void changedSince(Ranking previous, Consumer<String> entrantId) {
        if (previous != this) {
            ((EntrantPlacings) byEntrant).changedSince((EntrantPlacings) previous.byEntrant, entrantId);
        }
    }

    public List<Placing> group(String name) {
        return groups.getOrDefault(name, List.of());
    }
}
