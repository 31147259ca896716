package dev.paddock.bench.results;

import dev.paddock.bench.Options;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The results-rush command line: {@code --name value} pairs, every one with a default (the figures).
 *
 * @param startApp   start the packaged jar with its own embedded PostgreSQL instead of using {@code baseUrl}
 * @param jdbcUrl    the server's database: the start list is inserted there (set by {@code startApp}; required)
 * @param runners    athletes in the race
 * @param rate       anonymous result lookups per second, warm-up included
 * @param peak       the most passings in one second of the run (the curve is scaled to it)
 * @param lagSamples about how many passings of the measured part have their ranking lag measured
 * @param htmlShare  the share of lookups that ask for the HTML results pages (0 = JSON only)
 * @param warmUpRamp the share of {@code rate} the warm-up's lookups start at, rising linearly to {@code rate} by its
 *                   end (1: the whole rate from the first second, as before session 7); the measured part is offered
 *                   {@code rate} either way
 * @param lean       {@code --client lean} (true): lookups and passings over {@link dev.paddock.bench.KeepAliveClient}s; {@code jdk}:
 *                   over the JDK {@code HttpClient}, as before (set-up and ranking-lag polls always are)
 * @param connections the lookups' keep-alive connections (lean client)
 * @param passingConnections the passings' keep-alive connections, a pool apart so lookups cannot starve them
 */
record ResultsRushOptions(URI baseUrl, boolean startApp, Path jar, List<String> serverJavaOptions, String jdbcUrl,
        int runners, double rate, int peak, Duration duration, Duration warmUp, double warmUpRamp, int lagSamples,
        double htmlShare, boolean lean, int connections, int passingConnections, int maxInFlight,
        Duration drainTimeout, int setupThreads, long seed) {

    static final String USAGE = """
            usage: results-rush [--start-app false] [--base-url http://localhost:8080] [--jar app/target/paddock.jar]
                     [--server-java-options "-Xmx2g"] [--jdbc-url <url>] [--runners 14000] [--rate 5000]
                     [--peak 100] [--duration 60s] [--warm-up 60s] [--warm-up-ramp 0.1] [--lag-samples 300]
                     [--html-share 0.15]
                     [--client lean|jdk] [--connections 512] [--passing-connections 64] [--max-in-flight 10000]
                     [--drain-timeout 30s] [--setup-threads 4] [--seed 42]
            """;

    private static final Set<String> KNOWN = Set.of("base-url", "start-app", "jar", "server-java-options", "jdbc-url",
            "runners", "rate", "peak", "duration", "warm-up", "warm-up-ramp", "lag-samples", "html-share", "client",
            "connections", "passing-connections", "max-in-flight", "drain-timeout",
            "setup-threads", "seed");

    ResultsRushOptions {
        if (runners < 10 || rate <= 0 || peak <= 0 || lagSamples < 0 || htmlShare < 0 || htmlShare > 1
                || warmUpRamp <= 0 || warmUpRamp > 1) {
            throw new IllegalArgumentException("--runners at least 10, --rate and --peak positive, --lag-samples >= 0, "
                    + "--html-share in 0..1, --warm-up-ramp in (0, 1]");
        }
        if (connections <= 0 || passingConnections <= 0) {
            throw new IllegalArgumentException("--connections and --passing-connections must be positive");
        }
        if (!startApp && jdbcUrl == null) {
            throw new IllegalArgumentException("--jdbc-url is needed to insert the start list (or --start-app true)");
        }
    }

    static ResultsRushOptions parse(List<String> args) {
        Map<String, String> values = Options.pairs(args, KNOWN);
        return new ResultsRushOptions(URI.create(values.getOrDefault("base-url", "http://localhost:8080")),
                Boolean.parseBoolean(values.getOrDefault("start-app", "false")),
                Path.of(values.getOrDefault("jar", "app/target/paddock.jar")),
                Arrays.asList(values.getOrDefault("server-java-options", "-Xmx2g").split(" ")),
                values.get("jdbc-url"),
                Integer.parseInt(values.getOrDefault("runners", "14000")),
                Double.parseDouble(values.getOrDefault("rate", "5000")),
                Integer.parseInt(values.getOrDefault("peak", "100")),
                Options.duration(values.getOrDefault("duration", "60s")),
                // a results node on race day has been up for hours: the measured minute is a warm node's (a cold
                // start's first 20-25 s, its JIT, are measured apart with --warm-up 10s)
                Options.duration(values.getOrDefault("warm-up", "60s")),
                Double.parseDouble(values.getOrDefault("warm-up-ramp", "0.1")),
                Integer.parseInt(values.getOrDefault("lag-samples", "300")),
                Double.parseDouble(values.getOrDefault("html-share", "0.15")),
                Options.lean(values),
                Integer.parseInt(values.getOrDefault("connections", "512")),
                Integer.parseInt(values.getOrDefault("passing-connections", "64")),
                Integer.parseInt(values.getOrDefault("max-in-flight", "10000")),
                Options.duration(values.getOrDefault("drain-timeout", "30s")),
                Integer.parseInt(values.getOrDefault("setup-threads", "4")),
                Long.parseLong(values.getOrDefault("seed", "42")));
    }

    /** The same run against another server (the one {@code --start-app} started). */
    ResultsRushOptions against(URI server, String database) {
        return new ResultsRushOptions(server, startApp, jar, serverJavaOptions, database, runners, rate, peak, duration,
                warmUp, warmUpRamp, lagSamples, htmlShare, lean, connections, passingConnections, maxInFlight, drainTimeout,
                setupThreads, seed);
    }

    /** How the warm-up's lookups are offered, for the run's output. */
    String warmUpLoad() {
        return warmUpRamp == 1 ? "lookups at the full rate from the start"
                : String.format(java.util.Locale.ROOT, "lookups ramped from %.0f%% to 100%% of the rate", warmUpRamp * 100);
    }

    /** Which clients carry the load, for the run's output. */
    String clients() {
        return Options.clients(lean, connections + " connections for lookups, " + passingConnections + " for passings");
    }
}
