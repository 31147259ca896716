package dev.paddock.bench;

import com.sun.management.OperatingSystemMXBean;
import dev.paddock.bench.scenario.Scenario;
import dev.paddock.bench.scenario.Scenarios;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.HdrHistogram.Histogram;

/**
 * The load generator's command line: prepares the scenario, runs it at the offered rate, prints a
 * progress line every five seconds and the report at the end. See bench/README.md.
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("events-rush")) {
            // two load streams at once (registrations on an arrival curve, readers at a rate) and its own checks
            dev.paddock.bench.events.RushBench.main(args);
            return;
        }
        if (args.length > 0 && args[0].equals("results-rush")) {
            // passings replayed on a curve and lookups of several kinds at once, with its own checks
            dev.paddock.bench.results.ResultsRushBench.main(args);
            return;
        }
        Options options;
        try {
            options = Options.parse(Arrays.asList(args));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(Options.USAGE);
            System.err.println("scenarios: " + Scenarios.names());
            System.exit(2);
            return;
        }
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        ScheduledExecutorService sampler = Executors.newScheduledThreadPool(1,
                Thread.ofPlatform().daemon().name("bench-sampler").factory());
        try (PaddockApi api = new PaddockApi(options.baseUrl());
                Scenario scenario = Scenarios.named(options.scenario())) {
            System.out.println("Preparing " + options.scenario() + " against " + options.baseUrl() + "...");
            scenario.prepare(api, options);
            System.out.println("Prepared: " + scenario.describe() + ". Running for " + options.warmUp().toSeconds()
                    + " s warm-up + " + options.duration().toSeconds() + " s measured.");

            CpuSamples serverCpu = new CpuSamples();
            Supplier<OptionalDouble> serverProbe = ProcessCpu.forServer(options.serverPid(), api);
            AtomicLong measuredFrom = new AtomicLong();
            AtomicLong cpuFrom = new AtomicLong();
            Results results = new Results();
            // woken at most once a millisecond: a request leaves at most 1 ms after its intended time (and is timed from it)
            LoadGenerator generator = new LoadGenerator(options.schedule(), options.warmUp(), options.maxInFlight(),
                    options.drainTimeout(), Ticker.SYSTEM, Duration.ofMillis(1));
            generator.run(sequence -> scenario.send(api, sequence), results, () -> {
                measuredFrom.set(System.nanoTime());
                cpuFrom.set(os.getProcessCpuTime());
                sampler.scheduleAtFixedRate(() -> serverProbe.get().ifPresent(serverCpu::add), 0, 1, TimeUnit.SECONDS);
                sampler.scheduleAtFixedRate(() -> System.out.println(progress(results.interval(), 5)), 5, 5,
                        TimeUnit.SECONDS);
            });
            long wall = System.nanoTime() - measuredFrom.get();
            double generatorCpu = (os.getProcessCpuTime() - cpuFrom.get())
                    / (double) wall / Runtime.getRuntime().availableProcessors();
            sampler.shutdownNow();
            Report.print(System.out, options, scenario.describe(), results, options.duration().toNanos() / 1e9,
                    generatorCpu, serverCpu);
        } finally {
            sampler.shutdownNow();
        }
    }

    /** Answers of the last interval: how many per second, and their latencies. */
    static String progress(Histogram interval, double seconds) {
        return String.format(Locale.ROOT, "answered %6.0f/s  p50 %s ms  p99 %s ms  max %s ms", interval.getTotalCount() / seconds,
                Report.ms(interval.getValueAtPercentile(50)), Report.ms(interval.getValueAtPercentile(99)),
                Report.ms(interval.getMaxValue()));
    }
}
