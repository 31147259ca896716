package dev.paddock.parimutuel;

import java.util.Arrays;

/**
 * Live stakes per combination of one pool, in cents: an open-addressing {@code long -> long} map
 * (linear probing, no boxing) because intake adds hundreds of thousands of combinations per second.
 * Key 0 marks an empty slot, which is safe since no {@link CombinationKey} is 0. A combination whose
 * stake falls back to zero is removed, so {@link #size()} counts the combinations with a stake.
 * <p>
 * Not thread-safe: one writer owns it; readers work on a {@link #copy()}. The pool can be rebuilt
 * from the stored tickets by replaying {@link Combinations#forEach} into {@link #add}.
 */
public final class PoolTotals {

    /** One combination's stake, for {@link #forEach}. */
    @FunctionalInterface
    public interface CombinationStake {
        void accept(long key, long stakeCents);
    }

    private static final int MIN_CAPACITY = 16;

    private long[] keys;
    private long[] stakes;
    private int size;
    private long total;

    public PoolTotals() {
        this(MIN_CAPACITY);
    }

    /** A pool expecting about this many combinations, so that it does not grow while taking bets. */
    public PoolTotals(int expectedCombinations) {
        int capacity = Integer.highestOneBit(Math.max(MIN_CAPACITY, expectedCombinations) * 2 - 1) * 2;
        keys = new long[capacity];
        stakes = new long[capacity];
    }

    private PoolTotals(PoolTotals other) {
        keys = other.keys.clone();
        stakes = other.stakes.clone();
        size = other.size;
        total = other.total;
    }

    public void add(long key, long stakeCents) {
        requireKey(key);
        if (stakeCents <= 0) {
            throw new IllegalArgumentException("a stake is positive: " + stakeCents);
        }
        long newTotal = Math.addExact(total, stakeCents);
        int slot = slot(key);
        if (keys[slot] == key) {
            stakes[slot] = Math.addExact(stakes[slot], stakeCents);
        } else {
            keys[slot] = key;
            stakes[slot] = stakeCents;
            if (++size * 2 > keys.length) {
                grow();
            }
        }
        total = newTotal;
    }

    /** Takes a stake back (a cancelled ticket); the combination must hold at least that much. */
    public void remove(long key, long stakeCents) {
        requireKey(key);
        if (stakeCents <= 0) {
            throw new IllegalArgumentException("a stake is positive: " + stakeCents);
        }
        int slot = slot(key);
        long held = keys[slot] == key ? stakes[slot] : 0;
        if (held < stakeCents) {
            throw new IllegalStateException("cannot remove " + stakeCents + " cents from combination "
                    + Arrays.toString(CombinationKey.decode(key)) + " holding " + held);
        }
        total -= stakeCents;
        if (held == stakeCents) {
            delete(slot);
        } else {
            stakes[slot] = held - stakeCents;
        }
    }

    public long total() {
        return total;
    }

    /** The stake on a combination, 0 when none. */
    public long on(long key) {
        int slot = slot(key);
        return keys[slot] == key ? stakes[slot] : 0;
    }

    /** Number of combinations holding a stake. */
    public int size() {
        return size;
    }

    /** Every combination with a stake, in no particular order. */
    public void forEach(CombinationStake consumer) {
        for (int slot = 0; slot < keys.length; slot++) {
            if (keys[slot] != 0) {
                consumer.accept(keys[slot], stakes[slot]);
            }
        }
    }

    /** An independent snapshot, for odds computed off the writer's thread. */
    public PoolTotals copy() {
        return new PoolTotals(this);
    }

    /** The key's slot, or the empty slot where it would go. */
    private int slot(long key) {
        int mask = keys.length - 1;
        int slot = hash(key) & mask;
        while (keys[slot] != 0 && keys[slot] != key) {
            slot = slot + 1 & mask;
        }
        return slot;
    }

    private static int hash(long key) {
        long mixed = key * 0x9E3779B97F4A7C15L;
        return (int) (mixed ^ mixed >>> 32);
    }

    /** Backward-shift deletion keeps every probe chain unbroken without tombstones. */
    private void delete(int slot) {
        int mask = keys.length - 1;
        int hole = slot;
        int next = slot;
        while (true) {
            next = next + 1 & mask;
            long key = keys[next];
            if (key == 0) {
                break;
            }
            int home = hash(key) & mask;
            // Move the entry into the hole unless its home lies cyclically in (hole, next].
            boolean homeAfterHole = hole <= next ? hole < home && home <= next : hole < home || home <= next;
            if (!homeAfterHole) {
                keys[hole] = key;
                stakes[hole] = stakes[next];
                hole = next;
            }
        }
        keys[hole] = 0;
        stakes[hole] = 0;
        size--;
    }

    private void grow() {
        long[] oldKeys = keys;
        long[] oldStakes = stakes;
        keys = new long[oldKeys.length * 2];
        stakes = new long[oldKeys.length * 2];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != 0) {
                int slot = slot(oldKeys[i]);
                keys[slot] = oldKeys[i];
                stakes[slot] = oldStakes[i];
            }
        }
    }

    private static void requireKey(long key) {
        if (key == 0) {
            throw new IllegalArgumentException("0 is not a combination key");
        }
    }
}
