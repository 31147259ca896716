package dev.paddock.bench.settle;

import dev.paddock.parimutuel.BetType;
import dev.paddock.parimutuel.Combinations;
import dev.paddock.parimutuel.Field;
import dev.paddock.parimutuel.Formulation;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

/**
 * A fixed pseudo-random mix of tickets on one 16-runner race, close to a PMU race's: mostly Simple Gagnant and
 * Placé and Couplé unit bets, some combined Couplé and Tiercé, Tiercé and Quarté+ champs, Quinté+ units,
 * combined and champ totals, a few Multi en 4 to 7; favourites (low numbers) drawn more often, one to ten unit
 * stakes per combination on the cheap tickets. The same seed gives the same tickets.
 */
final class TicketMix {

    static final int RUNNERS = 16;
    static final Field FIELD = Field.ofRunners(RUNNERS);

    /** Each share of the mix, in thousandths. */
    private static final List<Share> SHARES = List.of(
            new Share(350, BetType.SIMPLE_GAGNANT, Shape.UNIT, 0),
            new Share(200, BetType.SIMPLE_PLACE, Shape.UNIT, 0),
            new Share(150, BetType.COUPLE_GAGNANT, Shape.UNIT, 0),
            new Share(30, BetType.COUPLE_GAGNANT, Shape.COMBINED, 4),
            new Share(50, BetType.COUPLE_PLACE, Shape.UNIT, 0),
            new Share(60, BetType.TIERCE, Shape.UNIT, 0),
            new Share(20, BetType.TIERCE, Shape.COMBINED, 4),
            new Share(10, BetType.TIERCE, Shape.CHAMP, 2),
            new Share(40, BetType.QUARTE_PLUS, Shape.UNIT, 0),
            new Share(10, BetType.QUARTE_PLUS, Shape.CHAMP_TOTAL, 3),
            new Share(50, BetType.QUINTE_PLUS, Shape.UNIT, 0),
            new Share(10, BetType.QUINTE_PLUS, Shape.COMBINED, 6),
            new Share(5, BetType.QUINTE_PLUS, Shape.CHAMP_TOTAL, 4),
            new Share(15, BetType.MULTI, Shape.UNIT, 0));

    private static final int[] MULTIPLES = {1, 1, 1, 1, 1, 1, 2, 2, 5, 10};

    private final SplittableRandom random;
    private final double[] weights = new double[RUNNERS];

    TicketMix(long seed) {
        this.random = new SplittableRandom(seed);
        for (int i = 0; i < RUNNERS; i++) {
            weights[i] = 1.0 / Math.pow(i + 1, 0.8);
        }
    }

    static List<BetType> betTypes() {
        return SHARES.stream().map(Share::type).distinct().toList();
    }

    /**
     * The next ticket.
     *
     * @param unitStakes the pool's unit stake per bet type, in cents
     */
    Ticket next(java.util.Map<BetType, Long> unitStakes) {
        int draw = random.nextInt(1000);
        Share share = SHARES.getLast();
        for (Share s : SHARES) {
            if (draw < s.thousandths()) {
                share = s;
                break;
            }
            draw -= s.thousandths();
        }
        BetType type = share.type();
        Formulation formulation = switch (share.shape()) {
            case UNIT -> new Formulation.Unit(runners(type == BetType.MULTI ? 4 + random.nextInt(4) : type.runners()));
            case COMBINED -> new Formulation.Combined(runners(share.size()));
            case CHAMP -> {
                List<Integer> picked = runners(share.size() + 3);
                yield new Formulation.Champ(picked.subList(0, share.size()), picked.subList(share.size(), picked.size()));
            }
            case CHAMP_TOTAL -> {
                List<Integer> bases = runners(share.size());
                List<Integer> others = new ArrayList<>();
                for (int runner = 1; runner <= RUNNERS; runner++) {
                    if (!bases.contains(runner)) {
                        others.add(runner);
                    }
                }
                yield new Formulation.Champ(bases, others);
            }
        };
        long combinations = Combinations.count(type, formulation, List.of(FIELD));
        long stake = unitStakes.get(type) * (combinations == 1 ? MULTIPLES[random.nextInt(MULTIPLES.length)] : 1);
        return new Ticket(type, formulation, stored(formulation), combinations, stake);
    }

    /** Distinct runners, each drawn in proportion to its weight among those left (favourites first more often). */
    private List<Integer> runners(int count) {
        List<Integer> picked = new ArrayList<>(count);
        boolean[] taken = new boolean[RUNNERS];
        for (int n = 0; n < count; n++) {
            double left = 0;
            for (int i = 0; i < RUNNERS; i++) {
                left += taken[i] ? 0 : weights[i];
            }
            double point = random.nextDouble() * left;
            int chosen = -1;
            for (int i = 0; i < RUNNERS && chosen < 0; i++) {
                if (!taken[i]) {
                    point -= weights[i];
                    if (point <= 0) {
                        chosen = i;
                    }
                }
            }
            if (chosen < 0) {
                chosen = lastFree(taken);
            }
            taken[chosen] = true;
            picked.add(chosen + 1);
        }
        return picked;
    }

    private static int lastFree(boolean[] taken) {
        for (int i = taken.length - 1; i >= 0; i--) {
            if (!taken[i]) {
                return i;
            }
        }
        throw new IllegalStateException("no runner left");
    }

    /** The formulation as the bet writer stores it (app's {@code Selections}): U:, C:, H:bases/partners. */
    static String stored(Formulation formulation) {
        return switch (formulation) {
            case Formulation.Unit unit -> "U:" + join(unit.runners());
            case Formulation.Combined combined -> "C:" + join(combined.runners());
            case Formulation.Champ champ -> "H:" + join(champ.bases()) + "/" + join(champ.partners());
            case Formulation.Legs legs -> throw new IllegalArgumentException("no Big 5 in this mix");
        };
    }

    private static String join(List<Integer> runners) {
        return runners.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    /**
     * One ticket.
     *
     * @param stakeCents per unit combination (the ticket's unit stake)
     */
    record Ticket(BetType type, Formulation formulation, String stored, long combinations, long stakeCents) {

        long totalStakeCents() {
            return combinations * stakeCents;
        }
    }

    private enum Shape { UNIT, COMBINED, CHAMP, CHAMP_TOTAL }

    private record Share(int thousandths, BetType type, Shape shape, int size) {
    }
}
