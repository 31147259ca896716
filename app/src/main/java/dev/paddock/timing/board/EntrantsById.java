package dev.paddock.timing.board;

import dev.paddock.rankings.Entrant;
import java.util.AbstractMap;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * A board's entrants by id (the registration), read through the start list's bibs by id and the entrants by bib:
 * what a ranking update looks entrants up in, without a third map of every entrant built per tick. Unmodifiable.
 */
final class EntrantsById extends AbstractMap<String, Entrant> {

    private final Map<String, Integer> bibs;
    private final Map<Integer, Entrant> entrants;

    EntrantsById(Map<String, Integer> bibs, Map<Integer, Entrant> entrants) {
        this.bibs = bibs;
        this.entrants = entrants;
    }

    @Override
    public Entrant get(Object id) {
        Integer bib = bibs.get(id);
        return bib == null ? null : entrants.get(bib);
    }

    @Override
    public boolean containsKey(Object id) {
        return get(id) != null;
    }

    @Override
    public int size() {
        return entrants.size();
    }

    /** Every entrant by id; built on demand (a ranking ranked anew lists them), not on the update's path. */
    @Override
    public Set<Entry<String, Entrant>> entrySet() {
        Map<String, Entrant> all = new HashMap<>();
        entrants.values().forEach(entrant -> all.put(entrant.id(), entrant));
        return Collections.unmodifiableMap(all).entrySet();
    }
}
