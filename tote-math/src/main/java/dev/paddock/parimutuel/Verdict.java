package dev.paddock.parimutuel;

/**
 * What one combination of a pool gets: refunded, lost, or won. A winning combination belongs to one or more
 * ranks (a Tiercé in order also wins the "désordre" rank, whose increment its dividend contains) and, within
 * each, to one group: the profit of a rank is split equally between its groups (the placed runners of a
 * Simple Placé, the combinations tied by a dead heat), then pro rata to the stakes within a group.
 *
 * @param ranks        the rank indexes it wins, paired with {@code groups}
 * @param groups       its group within each of those ranks
 * @param units        its stake is made of this many equal unit bets (Multi en K: C(K, 4); otherwise 1); it
 *                     belongs to each group with one of them
 * @param winningUnits how many of those unit bets win (each first gets the reserve coefficient back)
 */
record Verdict(boolean refunded, int[] ranks, long[] groups, int units, int winningUnits) {

    static final Verdict REFUND = new Verdict(true, new int[0], new long[0], 1, 0);
    static final Verdict LOSE = new Verdict(false, new int[0], new long[0], 1, 0);

    static Verdict win(int rank, long group) {
        return new Verdict(false, new int[] {rank}, new long[] {group}, 1, 1);
    }

    boolean won() {
        return ranks.length > 0;
    }

    /** The highest rank it wins: the rank the combination is listed under. */
    int topRank() {
        int top = Integer.MAX_VALUE;
        for (int rank : ranks) {
            top = Math.min(top, rank);
        }
        return top;
    }
}
