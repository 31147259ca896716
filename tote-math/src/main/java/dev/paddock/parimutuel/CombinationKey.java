package dev.paddock.parimutuel;

import java.util.Arrays;

/**
 * A combination of runners packed in a {@code long}: runner numbers 1..31 in 5 bits each, the first
 * runner in the lowest bits, up to 12 runners (60 bits). No runner is 0, so the first empty slot ends the
 * combination and no valid key is 0.
 * <p>
 * {@link #encode} keeps the order it is given: ordered bets pass the finishing order, Big 5 the runner
 * of each leg in leg order. Unordered bets use {@link #encodeUnordered} (sorted) so that the same
 * combination always has the same key. {@link Combinations#forEach} already follows these rules.
 */
public final class CombinationKey {

    public static final int MAX_RUNNER = 31;
    public static final int MAX_RUNNERS = 12;
    static final int BITS = 5;
    static final long MASK = 0x1F;

    private CombinationKey() {
    }

    public static long encode(int... runners) {
        if (runners.length == 0 || runners.length > MAX_RUNNERS) {
            throw new IllegalArgumentException("a key holds 1 to " + MAX_RUNNERS + " runners, not " + runners.length);
        }
        for (int runner : runners) {
            if (runner < 1 || runner > MAX_RUNNER) {
                throw new IllegalArgumentException("runner number out of 1.." + MAX_RUNNER + ": " + runner);
            }
        }
        return pack(runners, runners.length);
    }

    /** The key of the runners in ascending order, for the bets where order does not matter. */
    public static long encodeUnordered(int... runners) {
        int[] sorted = runners.clone();
        Arrays.sort(sorted);
        return encode(sorted);
    }

    public static int[] decode(long key) {
        if (key <= 0 || key >>> (BITS * MAX_RUNNERS) != 0) {
            throw new IllegalArgumentException("not a combination key: " + key);
        }
        int length = size(key);
        int[] runners = new int[length];
        for (int i = 0; i < length; i++) {
            runners[i] = runner(key, i);
        }
        return runners;
    }

    /** Number of runners in the key. */
    public static int size(long key) {
        int length = 0;
        while (length < MAX_RUNNERS && runner(key, length) != 0) {
            length++;
        }
        return length;
    }

    /** The runner at a position (0 based), 0 past the end. */
    public static int runner(long key, int position) {
        return (int) (key >>> (BITS * position) & MASK);
    }

    /** Packs already validated runners: the enumeration's hot path. */
    static long pack(int[] runners, int length) {
        long key = 0;
        for (int i = length - 1; i >= 0; i--) {
            key = key << BITS | runners[i];
        }
        return key;
    }
}
