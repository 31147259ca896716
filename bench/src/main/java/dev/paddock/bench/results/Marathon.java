package dev.paddock.bench.results;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The race the results rush replays: {@code runners} marathoners, bibs 1..n, whose finish times are roughly normal
 * around four hours (standard deviation 40 minutes, from 2:10 to 6:30), with a pace that fades or holds a little
 * differently for each, and about 2% who stop after 30 km (no finish). Every crossing of the 10K, half and 30K
 * splits and of the finish is a {@link Crossing}, in race-time order. Deterministic for a seed.
 */
record Marathon(int runners, List<Crossing> crossings) {

    static final int DISTANCE = 42_195;
    static final List<Point> POINTS = List.of(new Point("10k", 10_000), new Point("half", 21_098),
            new Point("30k", 30_000), new Point("finish", DISTANCE));

    private static final long MEAN = 4 * 3_600_000L;
    private static final long SPREAD = 40 * 60_000L;
    private static final long FASTEST = 2 * 3_600_000L + 10 * 60_000L;
    private static final long SLOWEST = 6 * 3_600_000L + 30 * 60_000L;

    record Point(String code, int metres) {
    }

    /** Bib {@code bib} crosses {@code point} {@code raceMillis} after the gun. */
    record Crossing(int bib, String point, long raceMillis) {

        boolean finish() {
            return point.equals("finish");
        }
    }

    static Marathon of(int runners, long seed) {
        List<Crossing> crossings = new ArrayList<>(runners * POINTS.size());
        for (int bib = 1; bib <= runners; bib++) {
            SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + bib);
            long finish = Math.clamp(MEAN + Math.round(random.nextGaussian() * SPREAD), FASTEST, SLOWEST)
                    + random.nextInt(1000);
            // > 0: the second half slower than the first (most runners); < 0: a negative split
            double fade = -0.03 + random.nextDouble() * 0.1;
            boolean stops = random.nextInt(100) < 2;
            for (Point point : POINTS) {
                if (stops && point.code().equals("finish")) {
                    break;
                }
                double share = point.metres() / (double) DISTANCE;
                crossings.add(new Crossing(bib, point.code(), Math.round(finish * share * (1 - fade * (1 - share)))));
            }
        }
        crossings.sort(Comparator.comparingLong(Crossing::raceMillis).thenComparingInt(Crossing::bib));
        return new Marathon(runners, List.copyOf(crossings));
    }

    /** The most finishes in any {@code windowMillis} of race time. */
    int busiest(long windowMillis) {
        return (int) busiestFinish(windowMillis)[0];
    }

    /** Race time at the middle of the busiest {@code windowMillis} at the finish line. */
    long busiestAt(long windowMillis) {
        return busiestFinish(windowMillis)[1];
    }

    /** How many finish, and when, in the busiest window (the splits are busier earlier: the field is closer). */
    private long[] busiestFinish(long windowMillis) {
        List<Crossing> finishes = crossings.stream().filter(Crossing::finish).toList();
        long most = 0;
        long at = 0;
        int from = 0;
        for (int to = 0; to < finishes.size(); to++) {
            while (finishes.get(to).raceMillis() - finishes.get(from).raceMillis() >= windowMillis) {
                from++;
            }
            if (to - from + 1 > most) {
                most = to - from + 1;
                at = finishes.get(from).raceMillis() + windowMillis / 2;
            }
        }
        return new long[] {most, at};
    }

    /**
     * How many race milliseconds one second of the run stands for so that the finish line's busiest second of the
     * run carries {@code peak} finishes; the slower runners' splits passed at the same time come on top.
     */
    long compression(int peak) {
        long low = 1;
        long high = 24 * 3_600_000L;
        while (low < high) {
            long middle = (low + high + 1) / 2;
            if (busiest(middle) <= peak) {
                low = middle;
            } else {
                high = middle - 1;
            }
        }
        return low;
    }
}
