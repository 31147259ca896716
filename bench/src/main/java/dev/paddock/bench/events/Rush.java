package dev.paddock.bench.events;

import com.sun.management.OperatingSystemMXBean;
import dev.paddock.bench.CpuSamples;
import dev.paddock.bench.FlushProbe;
import dev.paddock.bench.GeneratorThreads;
import dev.paddock.bench.KeepAliveClient;
import dev.paddock.bench.LoadGenerator;
import dev.paddock.bench.PaddockApi;
import dev.paddock.bench.ProcessCpu;
import dev.paddock.bench.RateSchedule;
import dev.paddock.bench.Report;
import dev.paddock.bench.Results;
import dev.paddock.bench.Target;
import dev.paddock.bench.Ticker;
import dev.paddock.bench.settle.DatabaseSamples;
import dev.paddock.bench.settle.PaddockServer;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The registration opening rush: buyers set up and funded, the event created with its registration opening
 * {@code --lead} after the set-up, then, from the opening second, {@code --athletes} registration attempts on the
 * front-loaded {@link ArrivalCurve} while {@link Readers} read the event page, the participant list and the
 * event's JSON at {@code --readers} per second (started {@code --reader-warm-up} before the opening, unmeasured
 * until it). Both are open-model {@link LoadGenerator}s: latency runs from each request's intended send time.
 * Registrations (and their replays) and reads each go over a {@link KeepAliveClient} of their own
 * ({@code --connections}, {@code --reader-connections}), or over the JDK client with {@code --client jdk}; a
 * request that waits in a keep-alive client's queue for a free connection is still timed from its intended send
 * time. Set-up traffic (sign-ups, deposits, the organizer's API, the checks) goes over the JDK client.
 * When the runner owns the database, PostgreSQL is sampled during the rush ({@link DatabaseSamples}). Then
 * attempts of unknown outcome are replayed, and {@link RushChecks} verify the bookkeeping.
 */
final class Rush {

    /** The keep-alive clients' connect timeout and longest silence within an answer, as the JDK requests' timeout. */
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** Warm-up registrations per warm-up buyer: several wallets, as at an opening, not one. */
    private static final int WARM_UP_PER_BUYER = 100;
    /**
     * The generators' wake-up slot, as the tote and results benches: each generator thread wakes at most once a
     * millisecond and sends every request then due (at most 1 ms more latency), not once per request.
     */
    private static final Duration SLOT = Duration.ofMillis(1);
    /**
     * How often PostgreSQL is sampled ({@link DatabaseSamples}): every 100 ms since session 14 (20 ms before, which
     * cost ~2.7% of the machine at the peak, taken from the server under test).
     */
    private static final Duration DATABASE_SAMPLES = Duration.ofMillis(100);

    /** The disk probe's pace ({@link FlushProbe}), and the flushes it names one by one. */
    static final Duration FLUSH_PROBE = Duration.ofMillis(10);
    static final Duration FLUSH_STALL = Duration.ofMillis(100);

    private Rush() {
    }

    /** Everything a run measured and found. */
    record Figures(RushOptions options, RushEvent event, int buyers, Attempts attempts, Results registrations,
            List<Readers> readers, int replayed, double seconds, double generatorCpu, CpuSamples serverCpu,
            List<String> database, String disk, List<RushChecks.Check> checks) {

        boolean passed() {
            return checks.stream().allMatch(RushChecks.Check::passed);
        }
    }

    static Figures run(RushOptions options, PrintStream out) throws Exception {
        if (!options.startApp()) {
            return runAgainst(options, OptionalLong.empty(), out);
        }
        try (PaddockServer server = PaddockServer.start(options.jar(), options.serverJavaOptions())) {
            out.println("Paddock started at " + server.baseUrl() + ", " + server.layout() + " (log: " + server.log() + ")");
            return runAgainst(options.against(server.baseUrl(), server.jdbcUrl()), OptionalLong.of(server.pid()), out);
        }
    }

    private static Figures runAgainst(RushOptions options, OptionalLong serverPid, PrintStream out) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        ScheduledExecutorService sampler = Executors.newScheduledThreadPool(1,
                Thread.ofPlatform().daemon().name("rush-sampler").factory());
        try (PaddockApi api = new PaddockApi(options.baseUrl());
                KeepAliveClient registering = options.lean()
                        ? new KeepAliveClient(options.baseUrl(), options.connections(), TIMEOUT) : null;
                KeepAliveClient reading = options.lean()
                        ? new KeepAliveClient(options.baseUrl(), options.readerConnections(), TIMEOUT) : null) {
            out.printf(Locale.ROOT, "Setting up %,d buyers (sign-up, sign-in, %,d cents each in the wallet) against %s%n",
                    options.accounts(), options.fundingCents(), options.baseUrl());
            long setUp = System.nanoTime();
            List<Buyers.Buyer> buyers = Buyers.create(api, run, options.accounts(), options.fundingCents(),
                    options.setupThreads(), out);
            double setUpSeconds = (System.nanoTime() - setUp) / 1e9;
            out.printf(Locale.ROOT, "%,d buyers ready in %.1f s (%.1f accounts/s with %d threads)%n", buyers.size(),
                    setUpSeconds, buyers.size() / setUpSeconds, options.setupThreads());
            Buyers.refreshAll(api, buyers, options.setupThreads());
            List<Buyers.Buyer> warmUpBuyers = warmUpBuyers(api, run, options, out);
            Instant opensAt = Instant.now().plus(options.lead()).truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
            RushEvent event = RushEvent.create(api, run, options.places(), options.priceCents(), opensAt,
                    options.warmUpPlaces(), out);
            out.printf(Locale.ROOT, "Event /events/%s, race %s of %,d places at %d.%02d, registration opens at %s; "
                    + "public API says %s%n", event.slug(), event.raceId(), options.places(), options.priceCents() / 100,
                    options.priceCents() % 100, opensAt, event.publicRace(api).get("registration").asString());
            List<Readers> readers = Readers.of(event);
            List<Thread> generators = new ArrayList<>(startReaders(options, event, readers, reading, api, out));
            // the disk under the started server's PostgreSQL (its embedded data directory is under the same temporary
            // directory), from 5 s before the opening: a stall may be under way at it
            AtomicReference<FlushProbe> flushProbe = new AtomicReference<>();
            if (serverPid.isPresent()) {
                sampler.schedule(() -> flushProbe.set(FlushProbe.start(Path.of(System.getProperty("java.io.tmpdir")),
                        FLUSH_PROBE)), Math.max(0, Duration.between(Instant.now(), opensAt).toMillis() - 5_000),
                        TimeUnit.MILLISECONDS);
            }
            warmUp(api, registering, event, run, warmUpBuyers, options, out);

            ArrivalCurve arrivals = options.arrivals();
            out.printf(Locale.ROOT, "Rush: %,d attempts in %d s, half-life %.1f s (%.0f%% in the first 5 s, peak %,.0f/s), "
                    + "%.0f%% asking for the waitlist; readers %,.0f/s; %s%n", options.athletes(),
                    options.window().toSeconds(), options.halfLife().toMillis() / 1000.0,
                    arrivals.shareBy(Duration.ofSeconds(5)) * 100, arrivals.rateAt(Duration.ZERO),
                    options.waitlistShare() * 100, options.readers(), options.clients());
            Attempts attempts = new Attempts(api, registering, event.raceId(), buyers, new Athletes(run, options.seed()), run,
                    options.athletes(), options.waitlistShare(), options.shedRetries());
            Results registrations = new Results();
            CpuSamples serverCpu = new CpuSamples();
            Supplier<OptionalDouble> serverProbe = ProcessCpu.forServer(serverPid, api);

            long[] from = new long[2];
            LoadGenerator registrationLoad = new LoadGenerator(arrivals, Duration.ZERO, options.maxInFlight(),
                    options.drainTimeout(), Ticker.SYSTEM, SLOT);
            generators.add(GeneratorThreads.startAt(opensAt, "registrations", () -> registrationLoad.run(attempts, registrations, () -> {
                from[0] = System.nanoTime();
                from[1] = os.getProcessCpuTime();
                sampler.scheduleAtFixedRate(() -> serverProbe.get().ifPresent(serverCpu::add), 0, 1, TimeUnit.SECONDS);
                sampler.scheduleAtFixedRate(() -> out.println(Report.progress("registrations", registrations, "reads",
                        readers.stream().map(Readers::results).toList(), 5)), 5, 5,
                        TimeUnit.SECONDS);
            })));
            List<String> database = List.of();
            try (Connection sampling = options.jdbcUrl() == null ? null : DriverManager.getConnection(options.jdbcUrl())) {
                DatabaseSamples samples = sampling == null ? null : new DatabaseSamples(sampling, DATABASE_SAMPLES);
                for (Thread generator : generators) {
                    generator.join();
                }
                if (samples != null) {
                    samples.close();
                    database = samples.top(12);
                }
            }
            sampler.shutdownNow();
            sampler.awaitTermination(5, TimeUnit.SECONDS);
            String disk = "";
            if (flushProbe.get() != null) {
                flushProbe.get().close();
                disk = FlushProbe.describe(flushProbe.get().flushes(), from[0], Duration.ofSeconds(5), FLUSH_STALL);
            }
            if (options.trace() != null) {
                Files.write(options.trace(), attempts.trace(from[0], arrivals));
                out.println("Every attempt written to " + options.trace());
            }
            double seconds = (System.nanoTime() - from[0]) / 1e9;
            double generatorCpu = (os.getProcessCpuTime() - from[1]) / (seconds * 1e9)
                    / Runtime.getRuntime().availableProcessors();

            int replayed = attempts.replayUnknown();
            out.println("Rush over; " + replayed + " attempts of unknown outcome replayed. Checking...");
            Buyers.refreshAll(api, buyers, options.setupThreads());
            List<RushChecks.Check> checks = new RushChecks(api, options, event, buyers, attempts).all();
            return new Figures(options, event, buyers.size(), attempts, registrations, readers, replayed,
                    options.window().toNanos() / 1e9, generatorCpu, serverCpu, database, disk, checks);
        } finally {
            sampler.shutdownNow();
        }
    }

    /**
     * The readers' generators, one per group, each started {@code --reader-warm-up} before the opening and measured
     * from the opening to the end of the window, whenever its thread actually starts ({@link ReadingWindow}): they
     * run through the warm-up registrations and the whole rush.
     */
    private static List<Thread> startReaders(RushOptions options, RushEvent event, List<Readers> readers,
            KeepAliveClient reading, PaddockApi api, PrintStream out) {
        List<Thread> generators = new ArrayList<>();
        if (options.readers() <= 0) {
            return generators;
        }
        for (Readers group : readers) {
            Target target = reading != null ? group.on(reading, event.opensAt()) : group.on(api, event.opensAt());
            generators.add(GeneratorThreads.startAt(event.opensAt().minus(options.readerWarmUp()), "readers " + group.name(),
                    () -> {
                        ReadingWindow window = ReadingWindow.of(event.opensAt(), options.window(), Instant.now());
                        if (window.late()) {
                            out.println("WARNING: the " + group.name() + " readers started after the opening; the"
                                    + " rush's first moments are not measured");
                        }
                        if (window.length().isZero()) {
                            return;
                        }
                        new LoadGenerator(RateSchedule.constant(options.readers() * group.share(), window.length()),
                                window.warmUp(), options.maxInFlight(), options.drainTimeout(), Ticker.SYSTEM, SLOT)
                                .run(target, group.results(), () -> { });
                    }));
        }
        return generators;
    }

    /** The warm-up's buyers ({@value #WARM_UP_PER_BUYER} registrations each), made before the event's clock starts. */
    private static List<Buyers.Buyer> warmUpBuyers(PaddockApi api, String run, RushOptions options, PrintStream out)
            throws Exception {
        int count = options.warmUpRegistrations();
        if (count == 0) {
            return List.of();
        }
        return Buyers.create(api, "warm-" + run, (count + WARM_UP_PER_BUYER - 1) / WARM_UP_PER_BUYER,
                (long) WARM_UP_PER_BUYER * options.priceCents() + 100_00, options.setupThreads(), out);
    }

    /**
     * Registrations before the opening, spread over {@code --warm-up-time} (evenly, or in bursts of
     * {@code --warm-up-burst}: {@link RushOptions#warmUps()}) by buyers of their own
     * ({@value #WARM_UP_PER_BUYER} registrations each): a node at an opening has served registrations for hours
     * (JIT, caches, the wallet), and so is this one. Not measured. They alternate between the event's 10 km race
     * ({@code --warm-up-places}, by default as many as its half of the registrations: all confirmed) and its 5 km
     * race, full after its first registration (waitlisted or refused, {@code --waitlist-share}), so that all three
     * paths of the rush run all along the warm-up. Since session 14; before, one race took them all and filled half
     * way, so that confirmations stopped at mid-warm-up, while the JIT compiler's queue was still long: the methods
     * only a confirmation runs were still in C1's profiled code at the opening and compiled by C2 at the peak
     * (README, Benchmarks, session 14). {@code --warm-up-registrations 0} skips it.
     */
    private static void warmUp(PaddockApi api, KeepAliveClient registering, RushEvent event, String run,
            List<Buyers.Buyer> buyers, RushOptions options, PrintStream out) throws Exception {
        int count = options.warmUpRegistrations();
        if (count == 0) {
            return;
        }
        String tag = "warm-" + run;
        Attempts open = new Attempts(api, registering, event.warmUpRaceId(), buyers, new Athletes(tag, options.seed()),
                tag, (count + 1) / 2, options.waitlistShare(), options.shedRetries());
        String fullTag = "warm5-" + run;
        Attempts full = new Attempts(api, registering, event.fullRaceId(), buyers,
                new Athletes(fullTag, options.seed()), fullTag, count / 2, options.waitlistShare(), options.shedRetries());
        Target alternating = n -> n % 2 == 0 ? open.send(n / 2) : full.send(n / 2);
        new LoadGenerator(options.warmUps(), Duration.ZERO, options.maxInFlight(), options.drainTimeout(), Ticker.SYSTEM, SLOT)
                .run(alternating, new Results(), () -> { });
        out.println("Warm-up: " + count + " registrations over " + options.warmUpTime().toSeconds()
                + " s before the opening" + (options.warmUpBurst() == 1 ? "" : ", in bursts of "
                + options.warmUpBurst() + " at " + Math.round(options.warmUps().burstRate()) + "/s")
                + ", alternately in the 10 km race of " + options.warmUpPlaces() + " places: "
                + open.firstAnswers() + ", and in the full 5 km race: " + full.firstAnswers()
                + (Instant.now().isAfter(event.opensAt()) ? " (WARNING: finished after the opening; raise --lead)" : ""));
    }
}
