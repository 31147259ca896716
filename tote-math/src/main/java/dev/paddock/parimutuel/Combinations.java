package dev.paddock.parimutuel;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.LongConsumer;

/**
 * Validates a ticket's selection against its bet type and the race fields, counts its unit
 * combinations and enumerates them as {@link CombinationKey keys}. The cost of a ticket is
 * {@code count x unit stake}; the system computes it here and never takes it from the client.
 * <p>
 * Rules where the PMU texts leave room, kept deliberately simple:
 * <ul>
 * <li>Unit: exactly the type's number of runners, finishing order for the ordered types; Multi takes 4
 * to 7 runners (Multi en K) and is one unit bet whose key is the K runners, see
 * {@link #coveredCombinations}. Big 5 is played with {@link Formulation.Legs} only.</li>
 * <li>Combined: at least n + 1 runners for the unordered types; for the ordered types at least n, every
 * order being covered (three runners "in all orders" on a Tiercé is six unit bets). Not for Multi or
 * Big 5.</li>
 * <li>Champ: 1 to n - 1 bases; the completed combinations of the ordered types are played in all
 * orders (C(P, n - b) x n!). Not for the single-runner types, Multi or Big 5.</li>
 * <li>A ticket covers at most {@value #MAX_COMBINATIONS} unit combinations.</li>
 * </ul>
 * Which pools a race opens (Simple Placé needs 4 starters, Couplé Placé is offered from 8...) is the
 * programme's decision; here a field only has to hold enough starters for one combination.
 */
public final class Combinations {

    public static final long MAX_COMBINATIONS = 1_000_000;

    private Combinations() {
    }

    /** The number of unit bets the unit stake is multiplied by. */
    public static long count(BetType type, Formulation formulation, List<Field> fields) {
        return plan(type, formulation, fields).count();
    }

    /**
     * The number of result combinations the ticket covers in the pool's own terms. Equal to
     * {@link #count} except for Multi, whose unit bet en K covers C(K, 4) four-runner results (which is
     * why Multi en K pays the base dividend / C(K, 4)). Multi pool totals are kept per K-runner key, in
     * whole cents; settlement weighs a key's stake by 1 / C(K, 4) for each four-runner result it holds.
     */
    public static long coveredCombinations(BetType type, Formulation formulation, List<Field> fields) {
        long count = count(type, formulation, fields);
        if (type == BetType.MULTI && formulation instanceof Formulation.Unit unit) {
            return count * binomial(unit.runners().size(), BetType.MULTI.runners());
        }
        return count;
    }

    /** Calls back once per unit combination, {@link #count} times, with distinct keys. */
    public static void forEach(BetType type, Formulation formulation, List<Field> fields, LongConsumer combinationKey) {
        plan(type, formulation, fields).forEach(combinationKey);
    }

    private sealed interface Plan permits SingleKey, Picks, LegProduct {
        long count();

        void forEach(LongConsumer consumer);
    }

    private record SingleKey(long key) implements Plan {
        @Override
        public long count() {
            return 1;
        }

        @Override
        public void forEach(LongConsumer consumer) {
            consumer.accept(key);
        }
    }

    /** The fixed runners (champ bases) completed by every {@code pick}-subset of {@code pool}. */
    private record Picks(int[] fixed, int[] pool, int pick, boolean allOrders, long count) implements Plan {
        @Override
        public void forEach(LongConsumer consumer) {
            int size = fixed.length + pick;
            int[] combination = Arrays.copyOf(fixed, size);
            int[] scratch = new int[size];
            int[] chosen = new int[pick];
            Arrays.setAll(chosen, i -> i);
            while (true) {
                for (int j = 0; j < pick; j++) {
                    combination[fixed.length + j] = pool[chosen[j]];
                }
                System.arraycopy(combination, 0, scratch, 0, size);
                if (allOrders) {
                    everyOrder(scratch, consumer);
                } else {
                    insertionSort(scratch);
                    consumer.accept(CombinationKey.pack(scratch, size));
                }
                int j = pick - 1;
                while (j >= 0 && chosen[j] == pool.length - pick + j) {
                    j--;
                }
                if (j < 0) {
                    return;
                }
                chosen[j]++;
                for (int k = j + 1; k < pick; k++) {
                    chosen[k] = chosen[k - 1] + 1;
                }
            }
        }

        /** Heap's algorithm: every permutation exactly once, one swap apart. */
        private static void everyOrder(int[] runners, LongConsumer consumer) {
            int n = runners.length;
            int[] counters = new int[n];
            consumer.accept(CombinationKey.pack(runners, n));
            int i = 0;
            while (i < n) {
                if (counters[i] < i) {
                    swap(runners, i % 2 == 0 ? 0 : counters[i], i);
                    consumer.accept(CombinationKey.pack(runners, n));
                    counters[i]++;
                    i = 0;
                } else {
                    counters[i] = 0;
                    i++;
                }
            }
        }

        private static void swap(int[] runners, int a, int b) {
            int held = runners[a];
            runners[a] = runners[b];
            runners[b] = held;
        }

        private static void insertionSort(int[] runners) {
            for (int i = 1; i < runners.length; i++) {
                int runner = runners[i];
                int j = i - 1;
                while (j >= 0 && runners[j] > runner) {
                    runners[j + 1] = runners[j];
                    j--;
                }
                runners[j + 1] = runner;
            }
        }
    }

    /** Big 5: one runner from each leg, in leg order. */
    private record LegProduct(int[][] legs, long count) implements Plan {
        @Override
        public void forEach(LongConsumer consumer) {
            int[] chosen = new int[legs.length];
            int[] combination = new int[legs.length];
            while (true) {
                for (int leg = 0; leg < legs.length; leg++) {
                    combination[leg] = legs[leg][chosen[leg]];
                }
                consumer.accept(CombinationKey.pack(combination, legs.length));
                int leg = legs.length - 1;
                while (leg >= 0 && chosen[leg] == legs[leg].length - 1) {
                    chosen[leg] = 0;
                    leg--;
                }
                if (leg < 0) {
                    return;
                }
                chosen[leg]++;
            }
        }
    }

    private static Plan plan(BetType type, Formulation formulation, List<Field> fields) {
        if (type == null) {
            throw new InvalidSelection("type", "The bet type is missing.");
        }
        if (formulation == null) {
            throw new InvalidSelection("formulation", "The formulation is missing.");
        }
        if (fields == null || fields.size() != type.legs() || fields.stream().anyMatch(Objects::isNull)) {
            throw new InvalidSelection("fields", "A " + label(type) + " bet needs the field of " + type.legs()
                    + (type.legs() == 1 ? " race." : " races."));
        }
        if (type.multiRace()) {
            return legs(type, formulation, fields);
        }
        return singleRace(type, formulation, fields.getFirst());
    }

    private static Plan singleRace(BetType type, Formulation formulation, Field field) {
        int n = type.runners();
        if (field.size() < n) {
            throw new InvalidSelection("field", "This race has " + field.size() + " starters, too few for a "
                    + label(type) + ".");
        }
        return switch (formulation) {
            case Formulation.Unit unit -> unit(type, unit, field);
            case Formulation.Combined combined -> combined(type, combined, field);
            case Formulation.Champ champ -> champ(type, champ, field);
            case Formulation.Legs _ -> throw notAllowed(type, "by legs");
        };
    }

    private static Plan unit(BetType type, Formulation.Unit unit, Field field) {
        int size = unit.runners().size();
        if (type == BetType.MULTI) {
            if (size < 4 || size > 7) {
                throw new InvalidSelection("runners", "A Multi is played with 4 to 7 runners, not " + size + ".");
            }
        } else if (size != type.runners()) {
            throw new InvalidSelection("runners", "A " + label(type) + " is played with " + type.runners()
                    + (type.runners() == 1 ? " runner" : " runners") + ", not " + size + ".");
        }
        int[] runners = starters(unit.runners(), field, "runners");
        if (!type.ordered()) {
            Arrays.sort(runners);
        }
        return new SingleKey(CombinationKey.pack(runners, size));
    }

    private static Plan combined(BetType type, Formulation.Combined combined, Field field) {
        if (type == BetType.MULTI) {
            throw notAllowed(type, "combined");
        }
        int n = type.runners();
        int minimum = type.ordered() ? n : n + 1;
        int size = combined.runners().size();
        if (size < minimum) {
            throw new InvalidSelection("runners", "A combined " + label(type) + " needs at least " + minimum
                    + " runners, not " + size + ".");
        }
        int[] pool = starters(combined.runners(), field, "runners");
        Arrays.sort(pool);
        long count = capped(binomial(size, n) * orders(type), "runners");
        return new Picks(new int[0], pool, n, type.ordered(), count);
    }

    private static Plan champ(BetType type, Formulation.Champ champ, Field field) {
        int n = type.runners();
        if (n < 2 || type == BetType.MULTI) {
            throw notAllowed(type, "as a champ");
        }
        int b = champ.bases().size();
        if (b < 1 || b > n - 1) {
            throw new InvalidSelection("bases", "A " + label(type) + " champ takes 1 to " + (n - 1)
                    + (n == 2 ? " base" : " bases") + ", not " + b + ".");
        }
        int[] bases = starters(champ.bases(), field, "bases");
        Arrays.sort(bases);
        int[] pool;
        if (champ.total()) {
            // Never short: the field holds at least n starters.
            pool = Arrays.stream(field.starters()).filter(runner -> Arrays.binarySearch(bases, runner) < 0).toArray();
        } else {
            pool = starters(champ.partners(), field, "partners");
            for (int partner : pool) {
                if (Arrays.binarySearch(bases, partner) >= 0) {
                    throw new InvalidSelection("partners", "Runner " + partner + " is both a base and a partner.");
                }
            }
            if (pool.length < n - b) {
                throw new InvalidSelection("partners", "A " + label(type) + " champ with " + b
                        + (b == 1 ? " base" : " bases") + " needs at least " + (n - b) + " partners, not "
                        + pool.length + ".");
            }
            Arrays.sort(pool);
        }
        long count = capped(binomial(pool.length, n - b) * orders(type), "partners");
        return new Picks(bases, pool, n - b, type.ordered(), count);
    }

    private static Plan legs(BetType type, Formulation formulation, List<Field> fields) {
        if (!(formulation instanceof Formulation.Legs legs)) {
            throw notAllowed(type, "other than by legs");
        }
        if (legs.legs().size() != type.legs()) {
            throw new InvalidSelection("legs", "A " + label(type) + " takes runners in exactly " + type.legs()
                    + " legs, not " + legs.legs().size() + ".");
        }
        int[][] picks = new int[type.legs()][];
        long count = 1;
        for (int leg = 0; leg < picks.length; leg++) {
            String name = "legs[" + leg + "]";
            List<Integer> runners = legs.legs().get(leg);
            if (runners.isEmpty()) {
                throw new InvalidSelection(name, "Leg " + (leg + 1) + " needs at least one runner.");
            }
            picks[leg] = starters(runners, fields.get(leg), name);
            Arrays.sort(picks[leg]);
            count *= picks[leg].length;
        }
        return new LegProduct(picks, capped(count, "legs"));
    }

    /** The runners as an array, each a starter of the field and none twice. */
    private static int[] starters(List<Integer> runners, Field field, String name) {
        int[] result = new int[runners.size()];
        int seen = 0;
        for (int i = 0; i < result.length; i++) {
            int runner = runners.get(i);
            if (!field.contains(runner)) {
                throw new InvalidSelection(name, "Runner " + runner + " is not a starter of this race.");
            }
            if ((seen & 1 << runner) != 0) {
                throw new InvalidSelection(name, "Runner " + runner + " is picked twice.");
            }
            seen |= 1 << runner;
            result[i] = runner;
        }
        return result;
    }

    private static long capped(long count, String name) {
        if (count > MAX_COMBINATIONS) {
            throw new InvalidSelection(name, "This ticket covers " + count + " combinations; at most "
                    + MAX_COMBINATIONS + " are allowed.");
        }
        return count;
    }

    private static long orders(BetType type) {
        long orders = 1;
        if (type.ordered()) {
            for (int i = 2; i <= type.runners(); i++) {
                orders *= i;
            }
        }
        return orders;
    }

    static long binomial(int n, int k) {
        long result = 1;
        for (int i = 0; i < k; i++) {
            result = result * (n - i) / (i + 1);
        }
        return result;
    }

    private static InvalidSelection notAllowed(BetType type, String how) {
        return new InvalidSelection("formulation", "A " + label(type) + " cannot be played " + how + ".");
    }

    private static String label(BetType type) {
        return switch (type) {
            case SIMPLE_GAGNANT -> "Simple Gagnant";
            case SIMPLE_PLACE -> "Simple Placé";
            case COUPLE_GAGNANT -> "Couplé Gagnant";
            case COUPLE_PLACE -> "Couplé Placé";
            case COUPLE_ORDRE -> "Couplé Ordre";
            case DEUX_SUR_QUATRE -> "2sur4";
            case TRIO -> "Trio";
            case TIERCE -> "Tiercé";
            case QUARTE_PLUS -> "Quarté+";
            case QUINTE_PLUS -> "Quinté+";
            case MULTI -> "Multi";
            case PICK5 -> "Pick5";
            case BIG5 -> "Big 5";
        };
    }
}
