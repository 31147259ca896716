package dev.paddock.bench.settle;

import dev.paddock.parimutuel.BetType;
import dev.paddock.parimutuel.Combinations;
import dev.paddock.parimutuel.PoolTotals;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Puts the race's players and tickets straight into Paddock's database, as the bet pipeline would have left them,
 * with COPY (the HTTP pipeline would take a quarter of an hour for a million tickets): accounts with the CUSTOMER
 * role; tickets ACCEPTED in {@code tote.bets} with their stored formulation, combinations and stakes; the pool
 * totals aggregated from those very tickets by tote-math; and the wallets as the ledger holds them, each player
 * funded by one deposit and debited their stakes by one entry into {@code tote:pools}, leaving 100.00 EUR, so that
 * every balance is the sum of its postings and settlement's credits land on real wallets. One transaction.
 */
final class Seeder {

    static final long LEFT_IN_WALLET = 100_00;

    private Seeder() {
    }

    /** What was seeded. */
    record Seeded(long tickets, int accounts, long stakesCents, long combinations, Map<BetType, Long> ticketsByType) {
    }

    static Seeded seed(Connection connection, UUID raceId, Map<BetType, UUID> pools, Map<BetType, Long> unitStakes,
            long tickets, int accounts, long seed) throws SQLException {
        connection.setAutoCommit(false);
        CopyManager copies = connection.unwrap(PGConnection.class).getCopyAPI();
        SplittableRandom random = new SplittableRandom(seed ^ 0x5eed);
        UUID[] players = new UUID[accounts];
        for (int i = 0; i < accounts; i++) {
            players[i] = new UUID(random.nextLong(), random.nextLong());
        }
        Instant now = Instant.now();
        accounts(copies, players, now);
        long[] staked = new long[accounts];
        Map<BetType, PoolTotals> totals = new EnumMap<>(BetType.class);
        Map<BetType, Long> byType = new EnumMap<>(BetType.class);
        long stakes = 0;
        long combinations = 0;
        TicketMix mix = new TicketMix(seed);
        try (Copy bets = new Copy(copies, "tote.bets", "id, account_id, request_id, fingerprint, pool_id, race_id, "
                + "bet_type, formulation, combinations, unit_stake_cents, total_stake_cents, channel, country, status, "
                + "placed_at, batch")) {
            for (long n = 0; n < tickets; n++) {
                TicketMix.Ticket ticket = mix.next(unitStakes);
                int player = random.nextInt(accounts);
                UUID pool = pools.get(ticket.type());
                bets.row(new UUID(random.nextLong(), random.nextLong()), players[player], "settle-bench-" + n,
                        "bench", pool, raceId, ticket.type(), Copy.quoted(ticket.stored()), ticket.combinations(),
                        ticket.stakeCents(), ticket.totalStakeCents(), "WEB", "FR", "ACCEPTED", now, 0);
                PoolTotals poolStakes = totals.computeIfAbsent(ticket.type(), t -> new PoolTotals());
                Combinations.forEach(ticket.type(), ticket.formulation(), List.of(TicketMix.FIELD),
                        key -> poolStakes.add(key, ticket.stakeCents()));
                staked[player] += ticket.totalStakeCents();
                stakes += ticket.totalStakeCents();
                combinations += ticket.combinations();
                byType.merge(ticket.type(), 1L, Long::sum);
            }
        }
        try (Copy rows = new Copy(copies, "tote.pool_totals", "pool_id, combination_key, stake_cents")) {
            for (Map.Entry<BetType, PoolTotals> pool : totals.entrySet()) {
                UUID poolId = pools.get(pool.getKey());
                pool.getValue().forEach((key, cents) -> copyTotal(rows, poolId, key, cents));
            }
        }
        wallets(connection, copies, players, staked, now);
        connection.commit();
        try (Statement statement = connection.createStatement()) {
            connection.setAutoCommit(true);
            statement.execute("analyze identity.accounts, tote.bets, tote.pool_totals, wallet.ledger_accounts, "
                    + "wallet.entries, wallet.postings");
            // Real stakes arrive over minutes, with PostgreSQL's regular checkpoints flushing them as they come; a
            // million rows written in seconds would instead leave their checkpoint to fall into the timed settlement.
            statement.execute("checkpoint");
        }
        return new Seeded(tickets, accounts, stakes, combinations, byType);
    }

    private static void copyTotal(Copy rows, UUID poolId, long key, long cents) {
        try {
            rows.row(poolId, key, cents);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void accounts(CopyManager copies, UUID[] players, Instant now) throws SQLException {
        try (Copy accounts = new Copy(copies, "identity.accounts",
                "id, email, display_name, password_hash, date_of_birth, country_of_residence, created_at")) {
            for (int i = 0; i < players.length; i++) {
                accounts.row(players[i], "settle-" + players[i] + "@bench.paddock.dev", "Player " + i,
                        "not-a-password", "1990-01-01", "FR", now);
            }
        }
        try (Copy roles = new Copy(copies, "identity.account_roles", "account_id, role")) {
            for (UUID player : players) {
                roles.row(player, "CUSTOMER");
            }
        }
    }

    /** Each wallet: a deposit of its stakes plus what is left in it, then one debit of all its stakes. */
    private static void wallets(Connection connection, CopyManager copies, UUID[] players, long[] staked, Instant now)
            throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("""
                    create temporary table bench_funding (account uuid primary key, stakes bigint not null,
                        deposit_id uuid not null default gen_random_uuid(),
                        debit_id uuid not null default gen_random_uuid()) on commit drop""");
            try (Copy funding = new Copy(copies, "bench_funding", "account, stakes")) {
                for (int i = 0; i < players.length; i++) {
                    funding.row(players[i], staked[i]);
                }
            }
            statement.execute("""
                    insert into wallet.ledger_accounts (code, kind, owner_account, balance_cents, allow_negative, created_at)
                    select 'customer:' || account, 'LIABILITY', account, %d, false, now() from bench_funding"""
                    .formatted(LEFT_IN_WALLET));
            statement.execute("""
                    insert into wallet.entries (id, kind, idempotency_key, request_fingerprint, reference, created_at)
                    select deposit_id, 'DEPOSIT', 'bench:deposit:' || account, 'bench', 'bench:funding', now()
                    from bench_funding
                    union all
                    select debit_id, 'DEBIT', 'bench:stakes:' || account, 'bench', 'bench:stakes', now()
                    from bench_funding where stakes > 0""");
            statement.execute("""
                    insert into wallet.postings (entry_id, ledger_account_id, amount_cents, balance_after)
                    select f.deposit_id, a.id, f.stakes + %1$d, f.stakes + %1$d
                    from bench_funding f join wallet.ledger_accounts a on a.owner_account = f.account
                    union all
                    select f.deposit_id, (select id from wallet.ledger_accounts where code = 'operator:payment-clearing'),
                        -(f.stakes + %1$d), null
                    from bench_funding f
                    union all
                    select f.debit_id, a.id, -f.stakes, %1$d
                    from bench_funding f join wallet.ledger_accounts a on a.owner_account = f.account where f.stakes > 0
                    union all
                    select f.debit_id, (select id from wallet.ledger_accounts where code = 'tote:pools'), f.stakes, null
                    from bench_funding f where f.stakes > 0""".formatted(LEFT_IN_WALLET));
        }
    }
}
