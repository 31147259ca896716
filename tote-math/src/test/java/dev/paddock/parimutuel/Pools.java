package dev.paddock.parimutuel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Compact notations for the table-driven dividend tests. */
final class Pools {

    private Pools() {
    }

    /**
     * An arrival written as positions separated by spaces, a dead heat joined by '=': {@code "2 1=3 4"}.
     *
     * @param nonRunners the race's non-runners
     */
    static Arrival arrival(String finish, int starters, Integer... nonRunners) {
        List<List<Integer>> positions = new ArrayList<>();
        for (String position : finish.trim().split(" +")) {
            positions.add(Arrays.stream(position.split("=")).map(Integer::valueOf).toList());
        }
        return new Arrival(positions, Set.of(nonRunners), Set.of(), starters, false);
    }

    /**
     * Stakes per combination, written {@code "1-2-3:10000"} (runners, then cents); ordered bet types keep
     * the order, the others sort it.
     */
    static PoolTotals stakes(BetType type, String... combinations) {
        PoolTotals stakes = new PoolTotals();
        for (String combination : combinations) {
            String[] parts = combination.split(":");
            stakes.add(key(type, parts[0]), Long.parseLong(parts[1]));
        }
        return stakes;
    }

    static long key(BetType type, String runners) {
        int[] numbers = Arrays.stream(runners.split("-")).mapToInt(Integer::parseInt).toArray();
        return type.ordered() || type == BetType.BIG5 ? CombinationKey.encode(numbers)
                : CombinationKey.encodeUnordered(numbers);
    }

    static PoolResult compute(BetType type, Arrival arrival, PoolTotals stakes) {
        return PoolDividends.compute(type, PmuRules.online2020(type), List.of(arrival), stakes, PoolExtras.NONE);
    }

    /** The dividend of each combination, as "runners=cents", in the order of the ranks. */
    static List<String> dividends(PoolResult result) {
        List<String> dividends = new ArrayList<>();
        for (RankDividend rank : result.ranks()) {
            for (CombinationDividend combination : rank.combinations()) {
                dividends.add(rank.rank() + " " + String.join("-", Arrays.stream(CombinationKey.decode(combination.key()))
                        .mapToObj(String::valueOf).toList()) + "=" + combination.dividendCents());
            }
        }
        return dividends;
    }

    static Set<Integer> set(Integer... runners) {
        return new HashSet<>(List.of(runners));
    }
}
