package dev.paddock.rankings;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A ranking's placings by entrant id, immutable, held in shards by the id's hash so that an update copies only the
 * shards it touches: a tick at a marathon's finish re-places a few athletes among 14,000, and copying the whole map
 * for each ranking at each tick was a large share of the updater's work. Shards grow with the map (about
 * {@link #PER_SHARD} entries each, re-sharded whole when they hold four times that), so updates stay small.
 */
final class EntrantPlacings extends AbstractMap<String, Placing> {

    static final int PER_SHARD = 128;

    private final Map<String, Placing>[] shards;
    private final int size;

    private EntrantPlacings(Map<String, Placing>[] shards, int size) {
        this.shards = shards;
        this.size = size;
    }

    /** The same placings as {@code placings}, copied unless they are held this way already. */
    static EntrantPlacings of(Map<String, Placing> placings) {
        if (placings instanceof EntrantPlacings held) {
            return held;
        }
        int count = Integer.highestOneBit(Math.max(1, placings.size() / PER_SHARD));
        @SuppressWarnings("unchecked")
        Map<String, Placing>[] shards = new Map[count];
        Arrays.fill(shards, Map.of());
        Map<Integer, Map<String, Placing>> filled = new HashMap<>();
        placings.forEach((id, placing) -> filled.computeIfAbsent(shard(id, count), i -> new HashMap<>())
                .put(id, placing));
        filled.forEach((i, shard) -> shards[i] = Collections.unmodifiableMap(shard));
        return new EntrantPlacings(shards, placings.size());
    }

    /** These placings with {@code put} put and then the {@code removed} ids that {@code put} does not hold removed. */
    EntrantPlacings with(Map<String, Placing> put, Collection<String> removed) {
        if (put.isEmpty() && removed.isEmpty()) {
            return this;
        }
        if (size + put.size() > shards.length * PER_SHARD * 4) {
            Map<String, Placing> all = new HashMap<>(this);
            all.putAll(put);
            removed.stream().filter(id -> !put.containsKey(id)).forEach(all::remove);
            return of(all);
        }
        Map<String, Placing>[] next = shards.clone();
        Map<Integer, Map<String, Placing>> copied = new HashMap<>();
        int grown = 0;
        for (Map.Entry<String, Placing> entry : put.entrySet()) {
            Map<String, Placing> shard = copied.computeIfAbsent(shard(entry.getKey(), next.length),
                    i -> new HashMap<>(shards[i]));
            grown += shard.put(entry.getKey(), entry.getValue()) == null ? 1 : 0;
        }
        for (String id : removed) {
            if (!put.containsKey(id) && get(id) != null && copied.computeIfAbsent(shard(id, next.length),
                    i -> new HashMap<>(shards[i])).remove(id) != null) {
                grown--;
            }
        }
        copied.forEach((i, shard) -> next[i] = Collections.unmodifiableMap(shard));
        return new EntrantPlacings(next, size + grown);
    }

    /**
     * Tells every id whose placing here is not the very placing {@code previous} holds for it, or that only one of the
     * two holds: after an update, the shards it did not copy are the previous ones and are skipped whole, so this
     * costs about what the update copied. Placings made again equal to the old ones are told too.
     */
    void changedSince(EntrantPlacings previous, Consumer<String> changed) {
        if (previous == this) {
            return;
        }
        if (previous.shards.length != shards.length) {
            differences(previous, this, changed);
            return;
        }
        for (int i = 0; i < shards.length; i++) {
            if (shards[i] != previous.shards[i]) {
                differences(previous.shards[i], shards[i], changed);
            }
        }
    }

    private static void differences(Map<String, Placing> before, Map<String, Placing> after, Consumer<String> changed) {
        after.forEach((id, placing) -> {
            if (before.get(id) != placing) {
                changed.accept(id);
            }
        });
        before.keySet().forEach(id -> {
            if (after.get(id) == null) {
                changed.accept(id);
            }
        });
    }

    /**
     * The shard by the top bits of the hash spread by a multiplication: each shard's HashMap picks buckets by the low
     * bits, which would otherwise be the same for all its ids and pile them into a few (tree) bins.
     */
    private static int shard(Object id, int count) {
        return count == 1 ? 0 : id.hashCode() * 0x9E3779B9 >>> 32 - Integer.numberOfTrailingZeros(count);
    }

    @Override
    public Placing get(Object id) {
        return id == null ? null : shards[shard(id, shards.length)].get(id);
    }

    @Override
    public boolean containsKey(Object id) {
        return get(id) != null;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public Set<Entry<String, Placing>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, Placing>> iterator() {
                return new Iterator<>() {
                    private int next;
                    private Iterator<Entry<String, Placing>> current = Collections.emptyIterator();

                    @Override
                    public boolean hasNext() {
                        while (!current.hasNext() && next < shards.length) {
                            current = shards[next++].entrySet().iterator();
                        }
                        return current.hasNext();
                    }

                    @Override
                    public Entry<String, Placing> next() {
                        if (!hasNext()) {
                            throw new NoSuchElementException();
                        }
                        return current.next();
                    }
                };
            }

            @Override
            public int size() {
                return size;
            }
        };
    }
}
