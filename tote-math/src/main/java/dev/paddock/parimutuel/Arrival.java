package dev.paddock.parimutuel;

import java.util.List;
import java.util.Set;

/**
 * A race's official outcome, as the dividends need it.
 *
 * @param finish       the finishing order after disqualifications: each element is one position, holding the
 *                     runners that share it (two or more = a dead heat, which also takes the following
 *                     positions: two runners tied for 1st leave no 2nd, the next runner is 3rd)
 * @param nonRunners   runners declared but not started (their stakes are refunded or paid at the NP ranks)
 * @param disqualified runners that started but were disqualified: they are never placed
 * @param starters     runners that started (declared minus non-runners), which sets the places Simple Placé pays
 * @param cancelled    the race was cancelled for good: single-race pools are refunded, a Big 5 leg counts as
 *                     won by every selection
 */
public record Arrival(List<List<Integer>> finish, Set<Integer> nonRunners, Set<Integer> disqualified, int starters,
        boolean cancelled) {

    public Arrival {
        finish = finish.stream().map(List::copyOf).toList();
        nonRunners = Set.copyOf(nonRunners);
        disqualified = Set.copyOf(disqualified);
    }

    public static Arrival cancelledRace() {
        return new Arrival(List.of(), Set.of(), Set.of(), 0, true);
    }
}
