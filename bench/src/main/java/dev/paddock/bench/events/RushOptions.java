package dev.paddock.bench.events;

import dev.paddock.bench.Bursts;
import dev.paddock.bench.Options;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The events-rush command line: {@code --name value} pairs, every one with a default (the figures).
 *
 * @param startApp      start the packaged jar with its own embedded PostgreSQL instead of using {@code baseUrl}
 * @param jdbcUrl       the server's database, for the checks made in PostgreSQL (set by {@code startApp}); null
 *                      = checks through the API only
 * @param accounts      buyer accounts; each registers {@code athletes / accounts} distinct athletes
 * @param halfLife      the arrival curve's half-life ({@link ArrivalCurve})
 * @param readers       anonymous page and API reads per second during the rush
 * @param waitlistShare the share of attempts that ask for the waitlist when the race is full
 * @param lead          how long after the set-up the race's registration opens
 * @param readerWarmUp  how long before the opening the readers start (not measured)
 * @param warmUpRegistrations registrations in another race of the event before the opening (not measured): a
 *                      node at an opening has served traffic for hours, so by default enough to bring it to steady
 *                      state (JIT); 50 = the cold node of the figures before session 8; 0 = a freshly started server
 * @param warmUpPlaces  the places of the warm-up's 10 km race, which takes every other warm-up registration (the
 *                      others go to a 5 km race full from the start: waitlisted or refused, {@code --waitlist-share});
 *                      by default as many as its half of the registrations, so all of those are confirmed and the
 *                      three paths of the rush (a place, the waitlist, a refusal) run all along the warm-up (since
 *                      session 14; before, one race of half the registrations' places filled half-way); 0 when
 *                      there is no warm-up
 * @param warmUpTime    how long the warm-up registrations are spread over; it must end before the opening
 * @param warmUpBurst   the warm-up registrations come in bursts of this many, evenly spaced over {@code warmUpTime},
 *                      each at the opening's peak rate ({@link Bursts}): a node that has served openings before
 *                      has written batches of many registrations, not only of one; 1 = evenly paced (before
 *                      session 17)
 * @param lean          {@code --client lean} (true): registrations, replays and reads over {@link dev.paddock.bench.KeepAliveClient}s;
 *                      {@code jdk}: over the JDK {@code HttpClient}, as before (set-up traffic always is)
 * @param connections   the registrations' keep-alive connections (lean client)
 * @param readerConnections the readers' keep-alive connections, a pool apart so neither starves the other
 * @param maxInFlight   the generators' cap on requests in flight; above the attempts, so that none goes unsent
 *                      (and untimed) while earlier ones wait a second between their shed retries
 * @param shedRetries   how many times a registration answered 503 (shed) is sent again, a second later, within
 *                      its attempt and its timing; 0 = the first answer ends the attempt (as before session 5)
 * @param trace         a CSV file to write every attempt to (when it was due and sent, its latency, its answers),
 *                      to see where in the rush the slow ones fell; null = none
 */
record RushOptions(URI baseUrl, boolean startApp, Path jar, List<String> serverJavaOptions, String jdbcUrl,
        int athletes, int places, int accounts, Duration window, Duration halfLife, double readers,
        double waitlistShare, long priceCents, Duration lead, Duration readerWarmUp, int warmUpRegistrations,
        int warmUpPlaces, Duration warmUpTime, int warmUpBurst, int setupThreads, boolean lean, int connections, int readerConnections,
        int maxInFlight, Duration drainTimeout, long seed, int shedRetries, Path trace) {

    static final String USAGE = """
            usage: events-rush [--start-app false] [--base-url http://localhost:8080] [--jar app/target/paddock.jar]
                     [--server-java-options "-Xmx2g"] [--jdbc-url <url>] [--athletes 20000] [--places 5000]
                     [--accounts 2000] [--window 60s] [--half-life 5s] [--readers 2000] [--waitlist-share 0.5]
                     [--price-cents 5000] [--lead 95s] [--reader-warm-up 90s] [--warm-up-registrations 24000]
                     [--warm-up-places <half the registrations>] [--warm-up-time 80s] [--warm-up-burst 1]
                     [--setup-threads 4]
                     [--client lean|jdk] [--connections 1024] [--reader-connections 384]
                     [--max-in-flight 100000] [--drain-timeout 30s] [--seed 42] [--shed-retries 5]
                     [--trace attempts.csv]
            """;

    private static final Set<String> KNOWN = Set.of("base-url", "start-app", "jar", "server-java-options",
            "jdbc-url", "athletes", "places", "accounts", "window", "half-life", "readers", "waitlist-share",
            "price-cents", "lead", "reader-warm-up", "warm-up-registrations", "warm-up-places", "warm-up-time", "warm-up-burst", "setup-threads", "client", "connections",
            "reader-connections", "max-in-flight", "drain-timeout", "seed", "shed-retries", "trace");

    RushOptions {
        if (accounts <= 0 || accounts > athletes) {
            throw new IllegalArgumentException("--accounts must be between 1 and --athletes");
        }
        if (places <= 0 || readers < 0 || waitlistShare < 0 || waitlistShare > 1) {
            throw new IllegalArgumentException("--places must be positive, --readers >= 0, --waitlist-share in 0..1");
        }
        if (connections <= 0 || readerConnections <= 0) {
            throw new IllegalArgumentException("--connections and --reader-connections must be positive");
        }
        if (warmUpRegistrations < 0 || warmUpTime.isNegative() || warmUpTime.isZero()) {
            throw new IllegalArgumentException("--warm-up-registrations must be 0 or more, --warm-up-time positive");
        }
        if (warmUpBurst <= 0) {
            throw new IllegalArgumentException("--warm-up-burst must be 1 or more");
        }
        if (warmUpRegistrations > 0 && (warmUpPlaces <= 0 || warmUpPlaces > warmUpRegistrations)) {
            throw new IllegalArgumentException("--warm-up-places must be between 1 and --warm-up-registrations");
        }
        if (warmUpRegistrations == 0) {
            warmUpPlaces = 0; // no warm-up, no warm-up race
        }
        if (shedRetries < 0) {
            throw new IllegalArgumentException("--shed-retries must be 0 or more");
        }
    }

    static RushOptions parse(List<String> args) {
        Map<String, String> values = Options.pairs(args, KNOWN);
        int warmUps = Integer.parseInt(values.getOrDefault("warm-up-registrations", "24000"));
        return new RushOptions(URI.create(values.getOrDefault("base-url", "http://localhost:8080")),
                Boolean.parseBoolean(values.getOrDefault("start-app", "false")),
                Path.of(values.getOrDefault("jar", "app/target/paddock.jar")),
                Arrays.asList(values.getOrDefault("server-java-options", "-Xmx2g").split(" ")),
                values.get("jdbc-url"),
                Integer.parseInt(values.getOrDefault("athletes", "20000")),
                Integer.parseInt(values.getOrDefault("places", "5000")),
                Integer.parseInt(values.getOrDefault("accounts", "2000")),
                Options.duration(values.getOrDefault("window", "60s")),
                Options.duration(values.getOrDefault("half-life", "5s")),
                Double.parseDouble(values.getOrDefault("readers", "2000")),
                Double.parseDouble(values.getOrDefault("waitlist-share", "0.5")),
                Long.parseLong(values.getOrDefault("price-cents", "5000")),
                Options.duration(values.getOrDefault("lead", "95s")),
                Options.duration(values.getOrDefault("reader-warm-up", "90s")),
                warmUps,
                values.containsKey("warm-up-places") ? Integer.parseInt(values.get("warm-up-places"))
                        : Math.max(1, (warmUps + 1) / 2),
                Options.duration(values.getOrDefault("warm-up-time", "80s")),
                Integer.parseInt(values.getOrDefault("warm-up-burst", "1")),
                Integer.parseInt(values.getOrDefault("setup-threads", "4")),
                Options.lean(values),
                Integer.parseInt(values.getOrDefault("connections", "1024")),
                Integer.parseInt(values.getOrDefault("reader-connections", "384")),
                Integer.parseInt(values.getOrDefault("max-in-flight", "100000")),
                Options.duration(values.getOrDefault("drain-timeout", "30s")),
                Long.parseLong(values.getOrDefault("seed", "42")),
                Integer.parseInt(values.getOrDefault("shed-retries", "5")),
                values.containsKey("trace") ? Path.of(values.get("trace")) : null);
    }

    /** The same run against another server (the one {@code --start-app} started). */
    RushOptions against(URI server, String database) {
        return new RushOptions(server, startApp, jar, serverJavaOptions, database, athletes, places, accounts, window,
                halfLife, readers, waitlistShare, priceCents, lead, readerWarmUp, warmUpRegistrations, warmUpPlaces, warmUpTime,
                warmUpBurst, setupThreads, lean, connections, readerConnections, maxInFlight,
                drainTimeout, seed, shedRetries, trace);
    }

    /** Which clients carry the load, for the run's output. */
    String clients() {
        return Options.clients(lean, connections + " connections for registrations, " + readerConnections + " for readers");
    }

    ArrivalCurve arrivals() {
        return new ArrivalCurve(athletes, window, halfLife);
    }

    /** What each buyer's wallet is funded with: its share of athletes at the price, plus a margin. */
    long fundingCents() {
        long perAccount = (athletes + accounts - 1) / accounts;
        return perAccount * priceCents + 100_00;
    }

    /**
     * When the warm-up's registrations are due: bursts of {@code --warm-up-burst} at the arrival curve's peak rate,
     * evenly spaced over {@code --warm-up-time}.
     */
    Bursts warmUps() {
        return new Bursts(warmUpRegistrations, warmUpBurst, arrivals().rateAt(Duration.ZERO), warmUpTime);
    }
}
