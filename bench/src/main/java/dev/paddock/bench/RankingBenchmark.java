package dev.paddock.bench;

import dev.paddock.rankings.Clock;
import dev.paddock.rankings.Entrant;
import dev.paddock.rankings.Ranking;
import dev.paddock.rankings.RankingSpec;
import dev.paddock.rankings.RankingSpec.Grouping;
import dev.paddock.rankings.Rankings;
import dev.paddock.rankings.Status;
import dev.paddock.rankings.TiePolicy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * What the live results board recomputes after each batch of passings, on a 14,000-athlete marathon halfway
 * through its finish: overall, gender and category rankings at the finish and at each of five splits (18
 * rankings). {@code recomputeAll} ranks everyone again; {@code updateAllAfterATick} updates the previous rankings
 * with one tick at the peak, as the live board does: 20 athletes finishing (net times landing among the last quarter
 * of an hour's finishers) and 20 re-timed 40 km passings scattered through those rankings (the worst case for a
 * split: a first passing of a split lands near the end too), what 100 passings/s bring in 200 ms.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RankingBenchmark {

    private static final int ATHLETES = 14_000;
    private static final String[] SPLITS = {"km10", "half", "km30", "km35", "km40"};
    private static final int[] METRES = {10_000, 21_097, 30_000, 35_000, 40_000};

    private List<Entrant> entrants;
    private List<RankingSpec> specs;
    private List<Ranking> previous;
    private List<Entrant> afterTick;
    private List<Rankings.Change> tick;

    @Setup
    public void marathon() {
        Random random = new Random(2015);
        entrants = new ArrayList<>(ATHLETES);
        for (int i = 0; i < ATHLETES; i++) {
            String gender = random.nextInt(100) < 45 ? "F" : "M";
            int age = 18 + random.nextInt(60);
            String category = (gender.equals("F") ? "W" : "M") + (age < 20 ? "-U20" : String.valueOf(age / 10 * 10));
            long pace = 170_000 + random.nextInt(250_000);
            long startDelay = random.nextInt(900_000);
            Map<String, Long> gun = new HashMap<>();
            Map<String, Long> net = new HashMap<>();
            boolean finished = random.nextBoolean();
            for (int s = 0; s < SPLITS.length; s++) {
                long time = pace * METRES[s] / 1000 + random.nextInt(60_000);
                net.put(SPLITS[s], time);
                gun.put(SPLITS[s], time + startDelay);
            }
            if (finished) {
                long time = pace * 42_195 / 1000 + random.nextInt(120_000);
                net.put(Entrant.FINISH, time);
                gun.put(Entrant.FINISH, time + startDelay);
            }
            entrants.add(new Entrant("r" + i, String.valueOf(i + 1), gender, category, null, Map.of(),
                    finished ? Status.FINISHED : Status.RUNNING, 0, 0, gun, net));
        }
        specs = new ArrayList<>();
        List<String> points = new ArrayList<>(List.of(SPLITS));
        points.add(Entrant.FINISH);
        for (String point : points) {
            for (Grouping grouping : List.of(Grouping.OVERALL, Grouping.GENDER, Grouping.CATEGORY)) {
                specs.add(new RankingSpec(point + "/" + grouping, RankingSpec.Filter.EVERYONE, grouping, null,
                        Clock.NET, point, false, TiePolicy.SHARED, 0, List.of()));
            }
        }
        aTick();
    }

    /** The previous rankings, and one tick at the peak after them. */
    private void aTick() {
        previous = recomputeAll();
        Random random = new Random(42);
        long last = entrants.stream().filter(e -> e.status() == Status.FINISHED)
                .mapToLong(e -> e.netTimes().get(Entrant.FINISH)).max().orElseThrow();
        afterTick = new ArrayList<>(entrants);
        tick = new ArrayList<>();
        int finishing = 0;
        int passing = 0;
        for (int i = 0; i < afterTick.size() && (finishing < 20 || passing < 20); i++) {
            Entrant before = afterTick.get(i);
            if (before.status() != Status.RUNNING) {
                continue;
            }
            Map<String, Long> gun = new HashMap<>(before.gunTimes());
            Map<String, Long> net = new HashMap<>(before.netTimes());
            Status status = before.status();
            if (finishing < 20) {
                long time = last - random.nextInt(900_000);
                net.put(Entrant.FINISH, time);
                gun.put(Entrant.FINISH, time + random.nextInt(900_000));
                status = Status.FINISHED;
                finishing++;
            } else {
                net.put("km40", net.get("km40") + 1);
                gun.put("km40", gun.get("km40") + 1);
                passing++;
            }
            Entrant after = new Entrant(before.id(), before.bib(), before.gender(), before.category(), null, Map.of(),
                    status, 0, 0, gun, net);
            afterTick.set(i, after);
            tick.add(new Rankings.Change(before, after));
        }
    }

    @Benchmark
    public List<Ranking> updateAllAfterATick() {
        Map<String, Entrant> byId = new HashMap<>();
        afterTick.forEach(entrant -> byId.put(entrant.id(), entrant));
        List<Ranking> rankings = new ArrayList<>(specs.size());
        for (int i = 0; i < specs.size(); i++) {
            rankings.add(Rankings.update(previous.get(i), specs.get(i), byId, tick));
        }
        return rankings;
    }

    @Benchmark
    public List<Ranking> recomputeAll() {
        List<Ranking> rankings = new ArrayList<>(specs.size());
        for (RankingSpec spec : specs) {
            rankings.add(Rankings.rank(spec, entrants));
        }
        return rankings;
    }

    @Benchmark
    public Ranking overallAtTheFinish() {
        return Rankings.rank(specs.get(specs.size() - 3), entrants);
    }
}
