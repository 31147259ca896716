package dev.paddock.parimutuel;

import java.util.ArrayList;
import java.util.List;

/**
 * Where each runner of one race finished, read from its {@link Arrival}. Runners are bits of a {@code long}
 * mask (runner r is bit r). A dead heat of s runners at position p holds the positions p..p+s-1: each tied
 * runner may stand at any of them.
 */
final class Placings {

    private final int[] first = new int[CombinationKey.MAX_RUNNER + 1];
    private final int[] last = new int[CombinationKey.MAX_RUNNER + 1];
    private final long nonRunners;

    Placings(Arrival arrival) {
        int position = 1;
        for (List<Integer> tied : arrival.finish()) {
            List<Integer> placed = tied.stream().filter(runner -> !arrival.disqualified().contains(runner)).toList();
            for (int runner : placed) {
                first[runner] = position;
                last[runner] = position + placed.size() - 1;
            }
            position += placed.size();
        }
        nonRunners = mask(arrival.nonRunners());
    }

    long nonRunners() {
        return nonRunners;
    }

    /** Whether the runner finished within the first {@code k} (a dead heat straddling k counts as within). */
    boolean within(int runner, int k) {
        return first[runner] > 0 && first[runner] <= k;
    }

    /** Whether the runner may stand at this position (1 based), dead heats included. */
    boolean at(int runner, int position) {
        return first[runner] > 0 && first[runner] <= position && position <= last[runner];
    }

    /**
     * Every set of k runners that may be the first k: the runners whose tie lies wholly within the first k,
     * completed in every way from the tie straddling position k. Empty when fewer than k runners finished.
     */
    List<Long> winningSets(int k) {
        long sure = 0;
        List<Integer> straddling = new ArrayList<>();
        for (int runner = 1; runner <= CombinationKey.MAX_RUNNER; runner++) {
            if (first[runner] == 0 || first[runner] > k) {
                continue;
            }
            if (last[runner] <= k) {
                sure |= 1L << runner;
            } else {
                straddling.add(runner);
            }
        }
        List<Long> sets = new ArrayList<>();
        complete(sure, k - Long.bitCount(sure), straddling, 0, sets);
        return sets;
    }

    private static void complete(long set, int missing, List<Integer> candidates, int from, List<Long> sets) {
        if (missing == 0) {
            sets.add(set);
            return;
        }
        for (int i = from; i <= candidates.size() - missing; i++) {
            complete(set | 1L << candidates.get(i), missing - 1, candidates, i + 1, sets);
        }
    }

    static long mask(Iterable<Integer> runners) {
        long mask = 0;
        for (int runner : runners) {
            mask |= 1L << runner;
        }
        return mask;
    }

    static long mask(long key) {
        long mask = 0;
        for (long rest = key; rest != 0; rest >>>= CombinationKey.BITS) {
            mask |= 1L << (rest & CombinationKey.MASK);
        }
        return mask;
    }
}
