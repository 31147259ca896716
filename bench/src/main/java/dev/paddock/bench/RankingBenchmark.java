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
 * rankings). One operation is one whole recompute; the board's lag is about one tick plus this.
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
