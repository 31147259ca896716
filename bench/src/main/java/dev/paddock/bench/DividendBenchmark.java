package dev.paddock.bench;

import dev.paddock.parimutuel.Arrival;
import dev.paddock.parimutuel.BetType;
import dev.paddock.parimutuel.Combinations;
import dev.paddock.parimutuel.Field;
import dev.paddock.parimutuel.Formulation;
import dev.paddock.parimutuel.PmuRules;
import dev.paddock.parimutuel.PoolDividends;
import dev.paddock.parimutuel.PoolExtras;
import dev.paddock.parimutuel.PoolResult;
import dev.paddock.parimutuel.PoolTotals;
import dev.paddock.parimutuel.TicketPayment;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Settlement's inner loops in tote-math. {@code pay}: one operation is one ticket of a realistic mix (35 %
 * Simple Gagnant, 20 % Simple Placé, 15 % Couplé Gagnant unit, 10 % Couplé combined of 3 or 4, 8 % Tiercé unit
 * or combined of 4, 5 % Quarté+, 5 % Quinté+ unit, combined of 7 or (one in ten) champ total of 120,120 combinations, 2 % Big 5), on a 16-runner race
 * with one non-runner, paid by its pool's result. {@code computeQuinte}: the dividends of a Quinté+ pool of
 * about 500,000 combinations.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class DividendBenchmark {

    private static final int TICKETS = 1 << 16;
    private static final int STARTERS = 16;
    private static final List<Field> FIELD = List.of(Field.ofRunners(STARTERS));
    private static final List<Field> BIG5_FIELDS = Collections.nCopies(5, Field.ofRunners(14));
    private static final Arrival ARRIVAL = new Arrival(List.of(List.of(7), List.of(3), List.of(12), List.of(1),
            List.of(9), List.of(4), List.of(15)), Set.of(16), Set.of(), STARTERS - 1, false);

    private final BetType[] types = new BetType[TICKETS];
    private final Formulation[] tickets = new Formulation[TICKETS];
    private final long[] unitStakes = new long[TICKETS];
    private final Map<BetType, PoolResult> results = new EnumMap<>(BetType.class);
    private PoolTotals quinte;
    private int next;

    @Setup
    public void settle() {
        Random random = new Random(2024);
        Map<BetType, PoolTotals> pools = new EnumMap<>(BetType.class);
        for (int i = 0; i < TICKETS; i++) {
            int draw = random.nextInt(100);
            BetType type = draw < 35 ? BetType.SIMPLE_GAGNANT : draw < 55 ? BetType.SIMPLE_PLACE
                    : draw < 80 ? BetType.COUPLE_GAGNANT : draw < 88 ? BetType.TIERCE
                    : draw < 93 ? BetType.QUARTE_PLUS : draw < 98 ? BetType.QUINTE_PLUS : BetType.BIG5;
            Formulation ticket = ticket(random, type, draw);
            long unit = 100L * (1 + random.nextInt(5));
            types[i] = type;
            tickets[i] = ticket;
            unitStakes[i] = unit;
            PoolTotals pool = pools.computeIfAbsent(type, t -> new PoolTotals());
            Combinations.forEach(type, ticket, type.multiRace() ? BIG5_FIELDS : FIELD, key -> pool.add(key, unit));
        }
        List<Arrival> big5 = List.of(ARRIVAL, ARRIVAL, ARRIVAL, ARRIVAL, ARRIVAL);
        pools.forEach((type, pool) -> results.put(type, PoolDividends.compute(type, PmuRules.online2020(type),
                type.multiRace() ? big5 : List.of(ARRIVAL), pool,
                type.multiRace() ? new PoolExtras(List.of(1, 1, 1, 1, 1), 0, 0) : PoolExtras.NONE)));
        quinte = new PoolTotals(1 << 20);
        for (int i = 0; i < 200; i++) {
            Combinations.forEach(BetType.QUINTE_PLUS, new Formulation.Combined(pick(random, 7)), FIELD,
                    key -> quinte.add(key, 100));
        }
    }

    @Benchmark
    public TicketPayment pay() {
        int i = next = next + 1 & TICKETS - 1;
        return results.get(types[i]).pay(tickets[i], unitStakes[i]);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public PoolResult computeQuinte() {
        return PoolDividends.compute(BetType.QUINTE_PLUS, PmuRules.online2020(BetType.QUINTE_PLUS), List.of(ARRIVAL),
                quinte, PoolExtras.NONE);
    }

    private static Formulation ticket(Random random, BetType type, int draw) {
        return switch (type) {
            case SIMPLE_GAGNANT, SIMPLE_PLACE -> new Formulation.Unit(pick(random, 1));
            case COUPLE_GAGNANT -> draw < 70 ? new Formulation.Unit(pick(random, 2))
                    : new Formulation.Combined(pick(random, 3 + random.nextInt(2)));
            case TIERCE -> random.nextBoolean() ? new Formulation.Unit(pick(random, 3))
                    : new Formulation.Combined(pick(random, 4));
            case QUARTE_PLUS -> new Formulation.Unit(pick(random, 4));
            case QUINTE_PLUS -> switch (random.nextInt(10)) {
                case 0, 1, 2, 3, 4 -> new Formulation.Unit(pick(random, 5));
                case 5, 6, 7, 8 -> new Formulation.Combined(pick(random, 7));
                default -> {
                    List<Integer> runners = pick(random, STARTERS - 1);
                    yield new Formulation.Champ(runners.subList(0, 1), runners.subList(1, runners.size()));
                }
            };
            default -> {
                List<List<Integer>> legs = new ArrayList<>();
                for (int size : new int[] {2, 2, 1, 3, 2}) {
                    legs.add(pick(random, size));
                }
                yield new Formulation.Legs(legs);
            }
        };
    }

    /** Distinct starters (runner 16 is the non-runner, declared after the bets were taken). */
    private static List<Integer> pick(Random random, int size) {
        List<Integer> runners = new ArrayList<>();
        for (int runner = 1; runner <= 14; runner++) {
            runners.add(runner);
        }
        if (size > 5) {
            runners.add(15);
            runners.add(16);
        }
        Collections.shuffle(runners, random);
        return List.copyOf(runners.subList(0, size));
    }
}
