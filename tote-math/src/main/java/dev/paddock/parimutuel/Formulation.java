package dev.paddock.parimutuel;

import java.util.ArrayList;
import java.util.List;

/**
 * How a ticket selects its runners. The records only hold the selection; whether it is valid for a bet
 * type and a field, and how many unit combinations it covers, is decided by {@link Combinations}. A
 * missing list or a missing runner is an {@link InvalidSelection} naming the part.
 */
public sealed interface Formulation {

    /**
     * One combination: exactly the bet type's number of runners, in finishing order for the ordered
     * types. For Multi, 4 to 7 runners: the count selects Multi en 4, 5, 6 or 7.
     */
    record Unit(List<Integer> runners) implements Formulation {
        public Unit {
            runners = copy(runners, "runners");
        }
    }

    /**
     * K runners played as every combination of the bet type's size: C(K, n) unit bets, times n! for the
     * ordered types (Couplé Ordre, Tiercé, Quarté+, Quinté+), whose combined bet covers every order.
     */
    record Combined(List<Integer> runners) implements Formulation {
        public Combined {
            runners = copy(runners, "runners");
        }
    }

    /**
     * b base runners completed in every possible way from the partners; no partners means a champ total
     * (every other starter of the field). On the ordered types every completed combination is played in
     * all orders (the bases' positions are not fixed), so a champ costs C(P, n - b) x n! unit bets.
     */
    record Champ(List<Integer> bases, List<Integer> partners) implements Formulation {
        public Champ {
            bases = copy(bases, "bases");
            partners = copy(partners, "partners");
        }

        public boolean total() {
            return partners.isEmpty();
        }
    }

    /** Big 5: the runners picked in each of the five legs, in leg order. Covers the product of the set sizes. */
    record Legs(List<List<Integer>> legs) implements Formulation {
        public Legs {
            if (legs == null) {
                throw new InvalidSelection("legs", "The legs are missing.");
            }
            List<List<Integer>> copied = new ArrayList<>(legs.size());
            for (int i = 0; i < legs.size(); i++) {
                copied.add(copy(legs.get(i), "legs[" + i + "]"));
            }
            legs = List.copyOf(copied);
        }
    }

    private static List<Integer> copy(List<Integer> runners, String field) {
        if (runners == null) {
            throw new InvalidSelection(field, "The " + field + " list is missing.");
        }
        for (Integer runner : runners) {
            if (runner == null) {
                throw new InvalidSelection(field, "The " + field + " list has a blank runner.");
            }
        }
        return List.copyOf(runners);
    }
}
