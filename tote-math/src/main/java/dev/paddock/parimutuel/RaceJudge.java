package dev.paddock.parimutuel;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Judges each combination of a single-race pool against the race's arrival (rank indexes follow
 * {@link PmuRules#ranks}). Where the shared rules are silent, PMU practice as we read it:
 * <ul>
 * <li>Non-runners. Simple, Trio, Quarté+, Quinté+ and Multi (which have no "NP" rank): a combination holding a
 * non-runner is refunded. Couplé Gagnant, Couplé Ordre, Couplé Placé, 2sur4, Pick5: one non-runner whose
 * other runners finished within the places the bet pays (first 2, 2, 3, 4, 5) wins the "1 NP" rank, two or
 * more non-runners are refunded. Tiercé: one non-runner with the other two in the first two wins "1 NP",
 * two non-runners with the third winning wins "2 NP", three are refunded. A combination with non-runners
 * whose other runners did not place loses.</li>
 * <li>Dead heats. A tied runner may stand at any position its tie holds, but runners tied for the last paid
 * place only fill the places left: with 1 and 2 first and second and 3 and 4 tied for 3rd, Couplé Placé pays
 * {1,2}, {1,3}, {1,4}, {2,3} and {2,4}, not {3,4}. Each winning outcome (a placed
 * runner, a winning pair or set, a winning order) is a group of its rank, so a dead heat splits the rank's
 * profit equally between the outcomes it makes possible. 2sur4, the NP ranks and Big 5 pay one dividend
 * (one group) whatever the dead heats.</li>
 * <li>The bonus ranks hold the combinations containing a winning set of the first 3 (Quarté+ "bonus",
 * Quinté+ "bonus 3") or 4 (Quinté+ "bonus 4"); the higher ranks' combinations also win them, so their
 * dividends contain the bonus increments, as "ordre" contains "désordre".</li>
 * <li>Simple Placé pays the first 2 with 4 to 7 starters and the first 3 with 8 or more (both runners tied
 * for the last place are placed).</li>
 * </ul>
 */
final class RaceJudge {

    private final BetType type;
    private final Placings placings;
    private final int places;
    private final int npRank;
    /** The winning sets of the first k runners, by k, computed once per race rather than per combination. */
    private final long[][] winningSets;

    RaceJudge(BetType type, Arrival arrival) {
        this.type = type;
        this.placings = new Placings(arrival);
        this.winningSets = IntStream.rangeClosed(0, 5)
                .mapToObj(k -> placings.winningSets(k).stream().mapToLong(Long::longValue).toArray())
                .toArray(long[][]::new);
        this.places = arrival.starters() >= 8 ? 3 : 2;
        this.npRank = PmuRules.ranks(type).indexOf(PmuRules.ONE_NP);
    }

    /** Most non-runners a paid combination may hold: 2 for Tiercé, 1 for the types with a "1 NP" rank. */
    static int maxNonRunners(BetType type) {
        return switch (type) {
            case TIERCE -> 2;
            case COUPLE_GAGNANT, COUPLE_ORDRE, COUPLE_PLACE, DEUX_SUR_QUATRE, PICK5 -> 1;
            default -> 0;
        };
    }

    Verdict judge(long key) {
        long mask = Placings.mask(key);
        int nonRunners = Long.bitCount(mask & placings.nonRunners());
        if (nonRunners > maxNonRunners(type)) {
            return Verdict.REFUND;
        }
        if (nonRunners > 0) {
            return withNonRunners(mask & ~placings.nonRunners(), nonRunners);
        }
        int n = type.runners();
        return switch (type) {
            case SIMPLE_GAGNANT -> placings.at(first(key), 1) ? Verdict.win(0, mask) : Verdict.LOSE;
            case SIMPLE_PLACE -> placings.within(mask, places) ? Verdict.win(0, mask) : Verdict.LOSE;
            case COUPLE_GAGNANT, TRIO, PICK5 ->
                    isWinningSet(mask, n) ? Verdict.win(0, mask) : Verdict.LOSE;
            case COUPLE_PLACE -> placings.within(mask, 3) ? Verdict.win(0, mask) : Verdict.LOSE;
            case DEUX_SUR_QUATRE -> placings.within(mask, 4) ? Verdict.win(0, 0) : Verdict.LOSE;
            case COUPLE_ORDRE -> inOrder(key) ? Verdict.win(0, key) : Verdict.LOSE;
            case TIERCE -> nested(key, mask, List.of());
            case QUARTE_PLUS -> nested(key, mask, List.of(3));
            case QUINTE_PLUS -> nested(key, mask, List.of(4, 3));
            case MULTI -> multi(key, mask);
            case BIG5 -> throw new IllegalArgumentException("Big 5 is judged leg by leg");
        };
    }

    private Verdict withNonRunners(long others, int nonRunners) {
        int depth = switch (type) {
            case TIERCE -> 3 - nonRunners;
            case COUPLE_GAGNANT, COUPLE_ORDRE -> 2;
            case COUPLE_PLACE -> 3;
            case DEUX_SUR_QUATRE -> 4;
            default -> 5;
        };
        return placings.within(others, depth) ? Verdict.win(npRank + nonRunners - 1, 0) : Verdict.LOSE;
    }

    /** Ordre, désordre, then a bonus rank per set size: the combination wins each rank whose set it holds. */
    private Verdict nested(long key, long mask, List<Integer> bonusSizes) {
        int[] ranks = new int[2 + 4];
        long[] groups = new long[ranks.length];
        int count = 0;
        if (inOrder(key)) {
            groups[count] = key;
            ranks[count++] = 0;
        }
        if (isWinningSet(mask, type.runners())) {
            groups[count] = mask;
            ranks[count++] = 1;
        }
        for (int i = 0; i < bonusSizes.size(); i++) {
            for (long set : winningSets[bonusSizes.get(i)]) {
                if ((set & ~mask) == 0) {
                    if (count == ranks.length) {
                        ranks = Arrays.copyOf(ranks, count * 2);
                        groups = Arrays.copyOf(groups, count * 2);
                    }
                    groups[count] = set;
                    ranks[count++] = 2 + i;
                }
            }
        }
        if (count == 0) {
            return Verdict.LOSE;
        }
        return new Verdict(false, Arrays.copyOf(ranks, count), Arrays.copyOf(groups, count), 1, 1);
    }

    /** A Multi en K key holds C(K, 4) four-runner unit bets; each winning set of the first 4 it holds wins. */
    private Verdict multi(long key, long mask) {
        long[] held = Arrays.stream(winningSets[4]).filter(set -> (set & ~mask) == 0).toArray();
        if (held.length == 0) {
            return Verdict.LOSE;
        }
        int units = (int) Combinations.binomial(CombinationKey.size(key), 4);
        return new Verdict(false, new int[held.length], held, units, held.length);
    }

    private boolean isWinningSet(long mask, int k) {
        for (long set : winningSets[k]) {
            if (set == mask) {
                return true;
            }
        }
        return false;
    }

    private boolean inOrder(long key) {
        int size = CombinationKey.size(key);
        for (int i = 0; i < size; i++) {
            if (!placings.at(CombinationKey.runner(key, i), i + 1)) {
                return false;
            }
        }
        return true;
    }

    private static int first(long key) {
        return CombinationKey.runner(key, 0);
    }
}
