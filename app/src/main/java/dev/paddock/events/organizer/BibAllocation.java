package dev.paddock.events.organizer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Hands out free bib numbers to entrants in the order given. Each unit is one athlete or one team: a team
 * gets a block of consecutive numbers inside one range (the first such run of free numbers), an athlete the
 * lowest free number. Numbers a block skips stay free for the athletes after it. All or nothing: when the
 * numbers run out, nothing is handed out.
 */
final class BibAllocation {

    private BibAllocation() {
    }

    /**
     * @param free  the race's free numbers, ascending
     * @param units registrations to number, in order; a unit of several is a team's block
     * @return each registration's bib, in the order handed out
     * @throws BibsExhausted when the free numbers do not suffice
     */
    static Map<UUID, Integer> allocate(List<FreeBib> free, List<List<UUID>> units) {
        long needed = units.stream().mapToLong(List::size).sum();
        if (needed > free.size()) {
            throw new BibsExhausted(needed + " bibs are needed but only " + free.size() + " are free.");
        }
        boolean[] used = new boolean[free.size()];
        int lowest = 0;
        Map<UUID, Integer> bibs = new LinkedHashMap<>();
        for (List<UUID> unit : units) {
            while (lowest < used.length && used[lowest]) {
                lowest++;
            }
            int start = unit.size() == 1 ? lowest : blockStart(free, used, lowest, unit.size());
            if (start < 0 || start >= used.length) {
                throw new BibsExhausted("No " + unit.size() + " consecutive free bibs are left in one range for a team.");
            }
            for (int i = 0; i < unit.size(); i++) {
                used[start + i] = true;
                bibs.put(unit.get(i), free.get(start + i).bib());
            }
        }
        return bibs;
    }

    private static int blockStart(List<FreeBib> free, boolean[] used, int from, int size) {
        int runStart = -1;
        int runLength = 0;
        for (int i = from; i < used.length; i++) {
            boolean continues = runLength > 0 && !used[i] && free.get(i).range() == free.get(i - 1).range()
                    && free.get(i).bib() == free.get(i - 1).bib() + 1;
            if (continues) {
                runLength++;
            } else if (!used[i]) {
                runStart = i;
                runLength = 1;
            } else {
                runLength = 0;
            }
            if (runLength == size) {
                return runStart;
            }
        }
        return -1;
    }
}
