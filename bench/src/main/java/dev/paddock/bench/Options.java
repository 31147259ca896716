package dev.paddock.bench;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The command line: a scenario name, then {@code --name value} pairs. Every option has a default, so
 * {@code wallet} alone runs against a local server. Scenarios may read their own options with
 * {@link #number}.
 */
public record Options(String scenario, URI baseUrl, double rate, double rateTo, Duration duration,
        Duration warmUp, int maxInFlight, Duration drainTimeout, Map<String, String> all) {

    static final String USAGE = """
            usage: Bench <scenario> [--base-url http://localhost:8080] [--rate 100] [--rate-to <rate>]
                         [--duration 60s] [--warm-up 10s] [--max-in-flight 10000] [--drain-timeout 30s]
                         [--server-pid <pid>] [scenario options]
              --rate      requests per second (at the start, if --rate-to is given)
              --rate-to   ramp linearly to this rate by the end of the run (warm-up included)
              --server-pid the server's process on this machine: its CPU read from the OS, not from the server
            wallet scenario: [--accounts 20] [--amount 1000] [--withdraw-share 0.5] [--signup-rate 2]
            tote scenario:   [--accounts 200] [--signup-rate 20] [--ack-file <path>] [--client lean|jdk]
                             [--connections 256]
            """;

    private static final Set<String> KNOWN = Set.of("base-url", "rate", "rate-to", "duration", "warm-up",
            "max-in-flight", "drain-timeout", "accounts", "amount", "withdraw-share", "signup-rate", "ack-file",
            "client", "connections", "server-pid");

    public static Options parse(List<String> args) {
        if (args.isEmpty() || args.getFirst().startsWith("--")) {
            throw new IllegalArgumentException("Name a scenario first");
        }
        Map<String, String> values = new HashMap<>();
        for (int i = 1; i < args.size(); i += 2) {
            String name = args.get(i);
            if (!name.startsWith("--") || i + 1 >= args.size()) {
                throw new IllegalArgumentException("Expected --name value pairs, got '" + name + "'");
            }
            String key = name.substring(2);
            if (!KNOWN.contains(key)) {
                throw new IllegalArgumentException("Unknown option --" + key);
            }
            values.put(key, args.get(i + 1));
        }
        double rate = Double.parseDouble(values.getOrDefault("rate", "100"));
        return new Options(args.getFirst(),
                URI.create(values.getOrDefault("base-url", "http://localhost:8080")),
                rate,
                Double.parseDouble(values.getOrDefault("rate-to", String.valueOf(rate))),
                duration(values.getOrDefault("duration", "60s")),
                duration(values.getOrDefault("warm-up", "10s")),
                Integer.parseInt(values.getOrDefault("max-in-flight", "10000")),
                duration(values.getOrDefault("drain-timeout", "30s")),
                Map.copyOf(values));
    }

    /** The server's process given with {@code --server-pid}, if any. */
    public OptionalLong serverPid() {
        return all.containsKey("server-pid") ? OptionalLong.of(Long.parseLong(all.get("server-pid"))) : OptionalLong.empty();
    }

    /** {@code --name value} pairs of the names {@code known}, by name (for the runners' own command lines). */
    public static Map<String, String> pairs(List<String> args, Set<String> known) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.size(); i += 2) {
            String name = args.get(i);
            if (!name.startsWith("--") || i + 1 >= args.size()) {
                throw new IllegalArgumentException("Expected --name value pairs, got '" + name + "'");
            }
            if (!known.contains(name.substring(2))) {
                throw new IllegalArgumentException("Unknown option " + name);
            }
            values.put(name.substring(2), args.get(i + 1));
        }
        return values;
    }

    /**
     * A runner's {@code --client}: {@code lean} (the default) for its {@link KeepAliveClient}s, {@code jdk} for the
     * JDK {@code HttpClient}; anything else is refused.
     */
    public static boolean lean(Map<String, String> values) {
        String client = values.getOrDefault("client", "lean");
        if (!client.equals("lean") && !client.equals("jdk")) {
            throw new IllegalArgumentException("--client lean or jdk, not " + client);
        }
        return client.equals("lean");
    }

    /** How a runner's output names what carries its load: {@code pools} of keep-alive connections, or the JDK client. */
    public static String clients(boolean lean, String pools) {
        return lean ? "keep-alive clients, " + pools : "JDK HttpClient";
    }

    public String text(String name, String fallback) {
        return all.getOrDefault(name, fallback);
    }

    public double number(String name, double fallback) {
        return all.containsKey(name) ? Double.parseDouble(all.get(name)) : fallback;
    }

    /** The schedule spans warm-up plus measured duration. */
    RateSchedule schedule() {
        return new RateSchedule(rate, rateTo, warmUp.plus(duration));
    }

    /** {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h}. */
    public static Duration duration(String text) {
        String value = text.trim();
        if (value.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
        }
        long amount = Long.parseLong(value.substring(0, value.length() - 1));
        return switch (value.charAt(value.length() - 1)) {
            case 's' -> Duration.ofSeconds(amount);
            case 'm' -> Duration.ofMinutes(amount);
            case 'h' -> Duration.ofHours(amount);
            default -> throw new IllegalArgumentException("Not a duration: " + text + " (try 30s, 5m)");
        };
    }
}
