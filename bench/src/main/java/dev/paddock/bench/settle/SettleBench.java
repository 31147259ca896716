package dev.paddock.bench.settle;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * {@code ./mvnw -q -pl bench -am package -DskipTests exec:exec@settle -Dsettle.args="--tickets 1000000"}: settles
 * a race of a million tickets on a Paddock server of its own and prints the figures. See bench/README.md.
 */
public final class SettleBench {

    private SettleBench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        long tickets = Long.parseLong(options.getOrDefault("tickets", "1000000"));
        int accounts = Integer.parseInt(options.getOrDefault("accounts", "20000"));
        long seed = Long.parseLong(options.getOrDefault("seed", "42"));
        Path jar = Path.of(options.getOrDefault("jar", "app/target/paddock.jar"));
        List<String> javaOptions = Arrays.asList(options.getOrDefault("server-java-options", "-Xmx2g").split(" "));
        SettlementRun.Figures figures = SettlementRun.run(jar, javaOptions, tickets, accounts, seed, System.out);
        print(figures);
        if (!figures.balanced()) {
            System.exit(1);
        }
    }

    static void print(SettlementRun.Figures f) {
        System.out.printf(Locale.ROOT, "%nSettlement of %,d tickets: %.2f s from the settle call to SETTLED, %,.0f tickets/s%n",
                f.seeded().tickets(), f.settlement().toMillis() / 1000.0, f.ticketsPerSecond());
        System.out.printf(Locale.ROOT, "  winning tickets %,d, refunded tickets %,d, settlement credits written %,d%n",
                f.winningTickets(), f.refundedTickets(), f.credits());
        System.out.printf(Locale.ROOT, "  paid on tickets %s EUR, credited to wallets %s EUR, pools PAID %d of %d, "
                + "wallets not equal to their postings %d%n", euros(f.paidOnTickets()), euros(f.credited()),
                f.poolsPaid(), f.pools(), f.walletsOff());
        System.out.println("  pool (seconds after the settle call: dividends stored, last ticket paid)");
        System.out.println("                         computed    paid        stakes      payouts    paid wins  winners");
        for (JsonNode pool : f.poolStatus().get("pools")) {
            String name = pool.get("betType").asString() + " " + pool.get("channelFamily").asString();
            SettlementRun.PoolTimes times = f.times().get(name);
            System.out.printf(Locale.ROOT, "  %-22s %8.2f %7.2f %13s %12s %12s %8s%n", name, times.computed(),
                    times.paid(), euros(pool.get("stakes").asLong()), euros(pool.get("payouts").asLong()),
                    euros(pool.get("paidWinnings").asLong()), pool.get("winningTickets").asString());
        }
        System.out.println("  PostgreSQL during the settlement (share of 20 ms samples running each statement; wait or CPU):");
        f.database().forEach(line -> System.out.println("  " + line));
        System.out.println(f.balanced() ? "Bookkeeping: every winning ticket paid, credits = winnings + refunds."
                : "Bookkeeping: MISMATCH, see above.");
    }

    private static String euros(long cents) {
        return String.format(Locale.ROOT, "%d.%02d", cents / 100, cents % 100);
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new java.util.HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("usage: [--tickets N] [--accounts N] [--seed N] [--jar PATH] "
                        + "[--server-java-options \"-Xmx2g ...\"]");
            }
            options.put(args[i].substring(2), args[++i]);
        }
        return options;
    }
}
