package dev.paddock.bench;

import dev.paddock.parimutuel.BetType;
import dev.paddock.parimutuel.Combinations;
import dev.paddock.parimutuel.Field;
import dev.paddock.parimutuel.Formulation;
import dev.paddock.parimutuel.PoolTotals;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
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
 * The tote's intake inner loop, as the pool's single writer runs it: validate a ticket, enumerate its unit
 * combinations and add each to the pool totals. One operation is one ticket; a Quinté+ combined of 7 is
 * 2,520 combinations, a Big 5 of 2x2x1x3x2 is 24. Tickets are pre-built from a seeded random so the keys
 * spread over the pool as real ones do.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class PoolIntakeBenchmark {

    private static final int TICKETS = 4096;
    private static final long STAKE_CENTS = 200;
    private static final List<Field> FIELD = List.of(Field.ofRunners(16));
    private static final List<Field> BIG5_FIELDS = Collections.nCopies(5, Field.ofRunners(14));

    private final PoolTotals simpleGagnant = new PoolTotals();
    private final PoolTotals coupleGagnant = new PoolTotals();
    private final PoolTotals quintePlus = new PoolTotals();
    private final PoolTotals big5 = new PoolTotals();
    private final Formulation[] simpleTickets = new Formulation[TICKETS];
    private final Formulation[] coupleTickets = new Formulation[TICKETS];
    private final Formulation[] quinteTickets = new Formulation[TICKETS];
    private final Formulation[] big5Tickets = new Formulation[TICKETS];
    private int next;

    @Setup
    public void tickets() {
        Random random = new Random(2024);
        for (int i = 0; i < TICKETS; i++) {
            simpleTickets[i] = new Formulation.Unit(pick(random, 16, 1));
            coupleTickets[i] = new Formulation.Unit(pick(random, 16, 2));
            quinteTickets[i] = new Formulation.Combined(pick(random, 16, 7));
            List<List<Integer>> legs = new ArrayList<>();
            for (int size : new int[] {2, 2, 1, 3, 2}) {
                legs.add(pick(random, 14, size));
            }
            big5Tickets[i] = new Formulation.Legs(legs);
        }
    }

    @Benchmark
    public PoolTotals simpleGagnantUnit() {
        return take(BetType.SIMPLE_GAGNANT, simpleTickets, FIELD, simpleGagnant);
    }

    @Benchmark
    public PoolTotals coupleGagnantUnit() {
        return take(BetType.COUPLE_GAGNANT, coupleTickets, FIELD, coupleGagnant);
    }

    @Benchmark
    public PoolTotals quintePlusCombinedOf7() {
        return take(BetType.QUINTE_PLUS, quinteTickets, FIELD, quintePlus);
    }

    @Benchmark
    public PoolTotals big5Of2x2x1x3x2() {
        return take(BetType.BIG5, big5Tickets, BIG5_FIELDS, big5);
    }

    private PoolTotals take(BetType type, Formulation[] tickets, List<Field> fields, PoolTotals pool) {
        next = next + 1 & TICKETS - 1;
        Combinations.forEach(type, tickets[next], fields, key -> pool.add(key, STAKE_CENTS));
        return pool;
    }

    private static List<Integer> pick(Random random, int starters, int size) {
        List<Integer> runners = new ArrayList<>();
        for (int runner = 1; runner <= starters; runner++) {
            runners.add(runner);
        }
        Collections.shuffle(runners, random);
        return List.copyOf(runners.subList(0, size));
    }
}
