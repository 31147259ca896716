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
    /** By k, how many runners finished wholly within the first k (their tie does not straddle position k). */
    private final int[] surelyWithin = new int[CombinationKey.MAX_RUNNER + 2];

    Placings(Arrival arrival) {
        int position = 1;
        for (List<Integer> tied : arrival.finish()) {
            List<Integer> placed = tied.stream().filter(runner -> !arrival.disqualified().contains(runner)).toList();
            placed.forEach(Placings::requireRunner);
            for (int runner : placed) {
                first[runner] = position;
                last[runner] = position + placed.size() - 1;
                for (int k = last[runner]; k < surelyWithin.length; k++) {
                    surelyWithin[k]++;
                }
            }
            position += placed.size();
        }
        arrival.nonRunners().forEach(Placings::requireRunner);
        nonRunners = mask(arrival.nonRunners());
    }

    static int requireRunner(int runner) {
        if (runner < 1 || runner > CombinationKey.MAX_RUNNER) {
            throw new IllegalArgumentException("runner number out of 1.." + CombinationKey.MAX_RUNNER + ": " + runner);
        }
        return runner;
    }

    long nonRunners() {
        return nonRunners;
    }

    /**
     * Whether these runners may all be among the first {@code k}: each finished within them, and no more of them
     * come from a dead heat straddling position k than it has places left (with 1 first and 2 and 3 tied for
     * 2nd, {1, 2} and {1, 3} may be the first two, {2, 3} may not).
     */
    boolean within(long runners, int k) {
        int straddling = 0;
        for (long rest = runners; rest != 0; rest &= rest - 1) {
            int runner = Long.numberOfTrailingZeros(rest);
            if (first[runner] == 0 || first[runner] > k) {
                return false;
            }
            straddling += last[runner] > k ? 1 : 0;
        }
        return straddling <= k - surelyWithin[Math.min(k, surelyWithin.length - 1)];
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
