package dev.paddock.bench.results;

import com.sun.management.OperatingSystemMXBean;
import dev.paddock.bench.CpuSamples;
import dev.paddock.bench.GeneratorThreads;
import dev.paddock.bench.KeepAliveClient;
import dev.paddock.bench.LoadGenerator;
import dev.paddock.bench.PaddockApi;
import dev.paddock.bench.ProcessCpu;
import dev.paddock.bench.Report;
import dev.paddock.bench.Results;
import dev.paddock.bench.Target;
import dev.paddock.bench.Ticker;
import dev.paddock.bench.WarmUpRamp;
import dev.paddock.bench.events.Athletes;
import dev.paddock.bench.settle.PaddockServer;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongToIntFunction;
import java.util.function.Supplier;
import org.HdrHistogram.Histogram;
import tools.jackson.databind.JsonNode;

/**
 * A 14,000-runner marathon finishing while the public looks its results up. The {@link Marathon} is generated;
 * its race time is compressed so that the busiest second of the run carries {@code --peak} passings, centred on the
 * finish's peak: {@code --warm-up} then {@code --duration} of the run replay that part of the race through the
 * intake API ({@link Replay}), while {@link Lookups} read results at {@code --rate} (both open-model generators,
 * latency from intended send times), each over a {@link KeepAliveClient} of its own ({@code --connections},
 * {@code --passing-connections}; a request waiting there for a free connection is still timed from its intended
 * send time), or over the JDK client with {@code --client jdk}. What came before is sent in batches during the set-up. Then passings of
 * unknown outcome are sent again, and {@link ResultsChecks} compare the published rankings with the passings sent.
 */
final class ResultsRush {

    /** The keep-alive clients' connect timeout and longest silence within an answer, as the JDK requests' timeout. */
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** The ranking lag's polls: a handful at once (about ten passings followed a second, each for a few hundred ms). */
    private static final int LAG_CONNECTIONS = 16;
    /** The generators' wake-up slot: at most 1 ms more latency, 1,000 wake-ups a second instead of 5,000. */
    private static final Duration SLOT = Duration.ofMillis(1);

    private ResultsRush() {
    }

    /** Everything a run measured and found. */
    record Figures(ResultsRushOptions options, String raceId, long compression, int before, Results passings,
            List<Lookups> lookups, Histogram lags, int lagsGivenUp, int replayed, double generatorCpu, CpuSamples serverCpu,
            List<ResultsChecks.Check> checks) {

        boolean passed() {
            return checks.stream().allMatch(ResultsChecks.Check::passed);
        }
    }

    static Figures run(ResultsRushOptions options, PrintStream out) throws Exception {
        if (!options.startApp()) {
            return runAgainst(options, OptionalLong.empty(), out);
        }
        try (PaddockServer server = PaddockServer.start(options.jar(), options.serverJavaOptions())) {
            out.println("Paddock started at " + server.baseUrl() + ", " + server.layout() + " (log: " + server.log() + ")");
            return runAgainst(options.against(server.baseUrl(), server.jdbcUrl()), OptionalLong.of(server.pid()), out);
        }
    }

    private static Figures runAgainst(ResultsRushOptions options, OptionalLong serverPid, PrintStream out) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Marathon marathon = Marathon.of(options.runners(), options.seed());
        long compression = marathon.compression(options.peak());
        long centre = marathon.busiestAt(compression);
        long from = Math.max(0, centre - compression * (options.duration().toMillis() / 2 + options.warmUp().toMillis())
                / 1000);
        long to = from + compression * (options.warmUp().toMillis() + options.duration().toMillis()) / 1000;
        List<Marathon.Crossing> before = marathon.crossings().stream().filter(c -> c.raceMillis() < from).toList();
        List<Marathon.Crossing> replayed = marathon.crossings().stream().filter(c -> c.raceMillis() >= from).toList();
        List<Marathon.Crossing> sent = marathon.crossings().stream().filter(c -> c.raceMillis() < to).toList();
        Athletes athletes = new Athletes("results-" + run, options.seed());
        // every read in the past, as a timing line sends them
        Instant gun = Instant.now().minusMillis(to).minus(Duration.ofMinutes(1));
        out.printf(Locale.ROOT, "Marathon of %,d runners: %,d passings; one second of the run = %s of race, peak %d "
                + "passings/s; replaying %s to %s of race time (%,d passings), %,d before%n", options.runners(),
                marathon.crossings().size(), clock(compression), options.peak(), clock(from), clock(to),
                sent.size() - before.size(), before.size());

        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        ScheduledExecutorService sampler = Executors.newScheduledThreadPool(1,
                Thread.ofPlatform().daemon().name("results-sampler").factory());
        try (PaddockApi api = new PaddockApi(options.baseUrl());
                KeepAliveClient looking = options.lean()
                        ? new KeepAliveClient(options.baseUrl(), options.connections(), TIMEOUT) : null;
                KeepAliveClient passing = options.lean()
                        ? new KeepAliveClient(options.baseUrl(), options.passingConnections(), TIMEOUT) : null;
                KeepAliveClient polling = options.lean()
                        ? new KeepAliveClient(options.baseUrl(), LAG_CONNECTIONS, TIMEOUT) : null) {
            ResultsRace race = ResultsRace.create(api, run, marathon, athletes, gun, options.jdbcUrl(), out);
            Outcomes outcomes = new Outcomes();
            long setUp = System.nanoTime();
            race.sendBefore(api, before, options.setupThreads(), outcomes);
            out.printf(Locale.ROOT, "Race %s set up; %,d passings before the replay sent in %.1f s%n", race.raceId(),
                    before.size(), (System.nanoTime() - setUp) / 1e9);
            api.refreshExpiring(List.of(race.operator()), Duration.ofMinutes(10));

            List<Lookups> lookups = Lookups.of(race.raceId(), options.runners(), athletes, groups(api, race, "gender"),
                    groups(api, race, "category"), options.htmlShare(), options.seed());
            RankingLag lag = new RankingLag(api, polling, race.raceId());
            int measured = (int) (sent.size() - before.size() - replayedIn(replayed, from, compression, options));
            Duration length = options.warmUp().plus(options.duration());
            Replay replay = new Replay(race, api, passing, replayed, from, compression, length,
                    options.lagSamples() == 0 ? Integer.MAX_VALUE : Math.max(1, measured / options.lagSamples()), lag,
                    outcomes);
            Results passings = new Results();
            CpuSamples serverCpu = new CpuSamples();
            Supplier<OptionalDouble> serverProbe = ProcessCpu.forServer(serverPid, api);
            long[] start = new long[2];
            List<Thread> generators = new ArrayList<>();
            LoadGenerator replaying = new LoadGenerator(replay, options.warmUp(), options.maxInFlight(),
                    options.drainTimeout(), Ticker.SYSTEM, SLOT);
            Instant now = Instant.now();
            generators.add(GeneratorThreads.startAt(now, "passings", () -> replaying.run(replay, passings, () -> {
                        start[0] = System.nanoTime();
                        start[1] = os.getProcessCpuTime();
                        sampler.scheduleAtFixedRate(() -> serverProbe.get().ifPresent(serverCpu::add), 0, 1,
                                TimeUnit.SECONDS);
                        sampler.scheduleAtFixedRate(() -> out.println(Report.progress("passings", passings, "lookups",
                                lookups.stream().map(Lookups::results).toList(), 5)), 5, 5, TimeUnit.SECONDS);
                    })));
            out.println("Load over " + options.clients());
            List<Lookups> kinds = lookups.stream().filter(kind -> kind.share() > 0).toList();
            List<Target> targets = kinds.stream().map(kind -> looking != null ? kind.on(looking) : kind.on(api)).toList();
            LongToIntFunction kindOf = Lookups.kindOf(kinds);
            LoadGenerator reading = new LoadGenerator(new WarmUpRamp(options.rate(), options.warmUpRamp(),
                    options.warmUp(), length), options.warmUp(), options.maxInFlight(), options.drainTimeout(),
                    Ticker.SYSTEM, SLOT);
            generators.add(GeneratorThreads.startAt(now, "lookups", () -> reading.run(
                    sequence -> targets.get(kindOf.applyAsInt(sequence)).send(sequence),
                    kinds.stream().map(Lookups::results).toList(), kindOf, () -> { })));
            for (Thread generator : generators) {
                generator.join();
            }
            sampler.shutdownNow();
            double seconds = (System.nanoTime() - start[0]) / 1e9;
            double generatorCpu = (os.getProcessCpuTime() - start[1]) / (seconds * 1e9)
                    / Runtime.getRuntime().availableProcessors();
            int again = replay.replayUnknown();
            lag.await();
            out.println("Run over; " + again + " passings of unknown outcome sent again. Checking...");
            out.println("Ranking lag log, the largest per 5 s of the warm-up and the measured run (passings followed;"
                    + " their slowest poll): " + lag.byInterval(start[0], options.warmUp(), Duration.ofSeconds(5)));
            List<ResultsChecks.Check> checks = new ResultsChecks(api, race, sent, outcomes, athletes)
                    .all(options.jdbcUrl(), lag);
            return new Figures(options, race.raceId(), compression, before.size(), passings, lookups, lag.lags(),
                    lag.givenUp().size(), again, generatorCpu, serverCpu, checks);
        } finally {
            sampler.shutdownNow();
        }
    }

    /** Passings of the warm-up: sent, not measured. */
    private static long replayedIn(List<Marathon.Crossing> replayed, long from, long compression,
            ResultsRushOptions options) {
        long warmUpEnd = from + compression * options.warmUp().toMillis() / 1000;
        return replayed.stream().filter(c -> c.raceMillis() < warmUpEnd).count();
    }

    /** The groups of a ranking, as its first page lists them. */
    private static List<String> groups(PaddockApi api, ResultsRace race, String code) throws Exception {
        JsonNode page = api.read(api.sendKeepingBody(api.anonymousGet("/api/results/races/" + race.raceId()
                + "/rankings/" + code, "application/json")).join().body());
        List<String> groups = new ArrayList<>();
        page.get("groups").forEach(group -> groups.add(group.asString()));
        return groups;
    }

    static String clock(long millis) {
        long seconds = millis / 1000;
        return String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
    }
}
