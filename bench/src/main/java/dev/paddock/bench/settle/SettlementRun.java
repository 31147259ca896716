package dev.paddock.bench.settle;

import dev.paddock.bench.PaddockApi;
import dev.paddock.parimutuel.BetType;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import tools.jackson.databind.JsonNode;

/**
 * The settlement benchmark: a Paddock server of its own, a 16-runner race set up through the operator API, its
 * tickets and wallets seeded with COPY ({@link Seeder}), the race closed and its result entered and made official
 * through the results API; then the timed part, from {@code POST /api/tote/races/{id}/settle} until
 * {@code GET .../settlement} says SETTLED (polled every 50 ms); then the bookkeeping read back from the database.
 */
final class SettlementRun {

    /** The arrival: favourites placed, so that many tickets win. */
    static final List<List<Integer>> FINISH = List.of(List.of(2), List.of(1), List.of(4), List.of(3), List.of(6));

    private SettlementRun() {
    }

    /**
     * What a run measured and found.
     *
     * @param settlement     from the settle call to SETTLED
     * @param paidOnTickets  the sum of winnings and refunds written on the tickets
     * @param credited       the sum of settlement's credits in the ledger ({@code tote-settle:} keys)
     * @param credits        settlement's ledger entries (one per account and pool, plus one per refund)
     * @param walletsOff     wallets whose balance is not the sum of their postings (0 expected)
     * @param poolsPaid      the race's pools PAID, of {@code pools}
     * @param poolStatus     the settlement status endpoint's answer at the end
     * @param times          per pool ("SIMPLE_GAGNANT ONLINE"), when it was computed and paid after the settle call
     * @param database       the statements PostgreSQL was seen running during the settlement ({@link DatabaseSamples})
     */
    record Figures(Seeder.Seeded seeded, Duration seeding, Duration settlement, long winningTickets,
            long refundedTickets, long paidOnTickets, long credited, long credits, long walletsOff, int poolsPaid,
            int pools, JsonNode poolStatus, Map<String, PoolTimes> times, List<String> database) {

        double ticketsPerSecond() {
            return seeded.tickets() / (settlement.toNanos() / 1e9);
        }

        /** Every pool paid, and the wallets got exactly what the tickets say, each wallet equal to its postings. */
        boolean balanced() {
            return poolsPaid == pools && paidOnTickets == credited && walletsOff == 0;
        }
    }

    static Figures run(Path jar, List<String> javaOptions, long tickets, int accounts, long seed,
            PrintStream out) throws Exception {
        try (PaddockServer server = PaddockServer.start(jar, javaOptions);
                PaddockApi api = new PaddockApi(server.baseUrl());
                Connection database = DriverManager.getConnection(server.jdbcUrl());
                Connection sampling = DriverManager.getConnection(server.jdbcUrl())) {
            out.println("Paddock started at " + server.baseUrl() + ", " + server.layout() + " (log: " + server.log() + ")");
            String token = operator(api);
            JsonNode race = race(api, token);
            String raceId = race.get("id").asString();
            Map<BetType, UUID> pools = new EnumMap<>(BetType.class);
            Map<BetType, Long> unitStakes = new EnumMap<>(BetType.class);
            for (JsonNode pool : race.get("pools")) {
                if (pool.get("family").asString().equals("ONLINE")) {
                    BetType type = BetType.valueOf(pool.get("betType").asString());
                    pools.put(type, UUID.fromString(pool.get("id").asString()));
                    unitStakes.put(type, pool.get("unitStake").asLong());
                }
            }
            api.call("/api/tote/ops/races/" + raceId + "/open", token, null, 200);

            long seedingFrom = System.nanoTime();
            Seeder.Seeded seeded = Seeder.seed(database, UUID.fromString(raceId), pools, unitStakes, tickets, accounts,
                    seed);
            Duration seeding = Duration.ofNanos(System.nanoTime() - seedingFrom);
            out.printf("Seeded %,d tickets (%,d unit combinations, %,d.%02d EUR) of %,d accounts in %.1f s%n",
                    seeded.tickets(), seeded.combinations(), seeded.stakesCents() / 100, seeded.stakesCents() % 100,
                    seeded.accounts(), seeding.toMillis() / 1000.0);

            api.call("/api/tote/ops/races/" + raceId + "/close", token, null, 200);
            api.call("PUT", "/api/tote/ops/races/" + raceId + "/result", token, Map.of("finish", FINISH), 200);
            api.call("/api/tote/ops/races/" + raceId + "/result/official", token, null, 200);

            token = operator(api);
            DatabaseSamples samples = new DatabaseSamples(sampling);
            Instant calledAt = Instant.now();
            long from = System.nanoTime();
            api.call("/api/tote/races/" + raceId + "/settle", token, null, 202);
            JsonNode status;
            while (true) {
                status = api.call("GET", "/api/tote/races/" + raceId + "/settlement", token, null, 200);
                if (status.get("status").asString().equals("SETTLED")) {
                    break;
                }
                if (Duration.ofNanos(System.nanoTime() - from).toMinutes() >= 30) {
                    throw new IllegalStateException("Not settled after 30 minutes; see " + server.log());
                }
                Thread.sleep(50);
            }
            Duration settlement = Duration.ofNanos(System.nanoTime() - from);
            samples.close();
            return bookkeeping(database, UUID.fromString(raceId), seeded, seeding, settlement, status,
                    timings(database, UUID.fromString(raceId), calledAt), samples.top(12));
        }
    }

    private static String operator(PaddockApi api) throws Exception {
        return api.logIn("operator@paddock.dev", "paddock-operator").accessToken();
    }

    private static JsonNode race(PaddockApi api, String token) throws Exception {
        JsonNode meeting = api.call("/api/tote/ops/meetings", token, Map.of("date",
                LocalDate.now().plusDays(30).toString(), "number", 1, "venue", "Bench", "country", "FR"), 201);
        return api.call("/api/tote/ops/meetings/" + meeting.get("id").asString() + "/races", token, Map.of(
                "number", 1, "name", "Prix du million", "startsAt", Instant.now().plus(Duration.ofHours(3)).toString(),
                "runners", IntStream.rangeClosed(1, TicketMix.RUNNERS)
                        .mapToObj(n -> Map.of("number", n, "name", "Cheval " + n)).toList(),
                "betTypes", TicketMix.betTypes()), 201);
    }

    private static Figures bookkeeping(Connection database, UUID raceId, Seeder.Seeded seeded, Duration seeding,
            Duration settlement, JsonNode status, Map<String, PoolTimes> times, List<String> statements)
            throws SQLException {
        List<Long> tickets = longs(database, """
                select count(*) filter (where winnings_cents > 0), count(*) filter (where refund_cents > 0),
                       coalesce(sum(coalesce(winnings_cents, 0) + coalesce(refund_cents, 0)), 0)
                from tote.bets where race_id = '%s'""".formatted(raceId));
        List<Long> credits = longs(database, """
                select coalesce(sum(p.amount_cents), 0), count(distinct e.id) from wallet.entries e
                join wallet.postings p on p.entry_id = e.id
                join wallet.ledger_accounts a on a.id = p.ledger_account_id and a.owner_account is not null
                where e.idempotency_key like 'tote-settle:%'""");
        List<Long> wallets = longs(database, """
                select count(*) from wallet.ledger_accounts a
                where a.owner_account is not null and a.balance_cents <> (
                    select coalesce(sum(p.amount_cents), 0) from wallet.postings p where p.ledger_account_id = a.id)""");
        List<Long> pools = longs(database, """
                select count(*) filter (where s.status = 'PAID'), count(*) from tote.pools p
                left join tote.pool_settlements s on s.pool_id = p.id where p.race_id = '%s'""".formatted(raceId));
        return new Figures(seeded, seeding, settlement, tickets.get(0), tickets.get(1), tickets.get(2), credits.get(0),
                credits.get(1), wallets.get(0), pools.get(0).intValue(), pools.get(1).intValue(), status, times,
                statements);
    }

    /** Seconds from the settle call to a pool's dividends being stored, and to its last ticket being paid. */
    record PoolTimes(double computed, double paid) {
    }

    /** From the server's own timestamps (same host, same clock), free of the 50 ms polling. */
    private static Map<String, PoolTimes> timings(Connection database, UUID raceId, Instant calledAt)
            throws SQLException {
        Map<String, PoolTimes> times = new LinkedHashMap<>();
        try (PreparedStatement statement = database.prepareStatement("""
                select p.bet_type || ' ' || p.channel_family, extract(epoch from s.computed_at - ?),
                       extract(epoch from s.paid_at - ?)
                from tote.pools p join tote.pool_settlements s on s.pool_id = p.id where p.race_id = ?
                order by 3""")) {
            Timestamp called = Timestamp.from(calledAt);
            statement.setTimestamp(1, called);
            statement.setTimestamp(2, called);
            statement.setObject(3, raceId);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    times.put(rows.getString(1), new PoolTimes(rows.getDouble(2), rows.getDouble(3)));
                }
            }
        }
        return times;
    }

    private static List<Long> longs(Connection database, String sql) throws SQLException {
        try (Statement statement = database.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            row.next();
            List<Long> values = new ArrayList<>();
            for (int i = 1; i <= row.getMetaData().getColumnCount(); i++) {
                values.add(row.getLong(i));
            }
            return values;
        }
    }
}
