package dev.paddock.tote.betting;

import dev.paddock.identity.AccountId;
import dev.paddock.shared.SqlArrays;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The statements of a bet batch. Each writes or reads the rows of the whole batch in one round trip
 * ({@code unnest} of arrays), in the writer's transaction.
 */
@Repository
class BetStore {

    private final JdbcTemplate jdbc;

    BetStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The stop-signal rule for a cancellation: the races locked "for share" until it commits (see below). */
    Map<UUID, String> lockRaces(Collection<UUID> raceIds) {
        Map<UUID, String> statuses = new HashMap<>();
        jdbc.query(connection -> {
            PreparedStatement statement = connection.prepareStatement(
                    "select id, status from tote.races where id = any(?) order by id for share");
            statement.setArray(1, connection.createArrayOf("uuid", raceIds.toArray()));
            return statement;
        }, rs -> {
            statuses.put(rs.getObject(1, UUID.class), rs.getString(2));
        });
        return statuses;
    }

    /** The races' statuses, locked for the batch, and the batch's number, taken once they are locked. */
    record Locked(Map<UUID, String> races, long batch) {
    }

    /**
     * The stop-signal rule: locks the races "for share" until the batch commits, so a close (which updates
     * the row) waits for the batch, and a batch that starts after a close sees it. Then numbers the batch: one
     * that saw a race open is numbered before its close commits. Both statements go in one round trip; the server
     * runs them in order.
     */
    Locked lockRacesAndNumber(Collection<UUID> raceIds) {
        return jdbc.execute((ConnectionCallback<Locked>) connection -> {
            try (PreparedStatement statement = connection.prepareStatement("""
                    select id, status from tote.races where id = any(?) order by id for share;
                    select nextval('tote.bet_batches')""")) {
                statement.setArray(1, connection.createArrayOf("uuid", raceIds.toArray()));
                statement.execute();
                Map<UUID, String> statuses = new HashMap<>();
                try (ResultSet rs = statement.getResultSet()) {
                    while (rs.next()) {
                        statuses.put(rs.getObject(1, UUID.class), rs.getString(2));
                    }
                }
                if (!statement.getMoreResults()) {
                    throw new IllegalStateException("No batch number");
                }
                try (ResultSet rs = statement.getResultSet()) {
                    rs.next();
                    return new Locked(statuses, rs.getLong(1));
                }
            }
        });
    }

    /** Accepted stakes of each account since {@code since}: the rolling week of the stake limit. */
    Map<AccountId, Long> stakedSince(Collection<AccountId> accounts, Instant since) {
        Map<AccountId, Long> sums = new HashMap<>();
        jdbc.query(connection -> {
            PreparedStatement statement = connection.prepareStatement("""
                    select account_id, sum(total_stake_cents) from tote.bets
                    where account_id = any(?) and placed_at > ? and status in ('ACCEPTED', 'PENDING')
                    group by account_id""");
            statement.setArray(1, connection.createArrayOf("uuid", accounts.stream().map(AccountId::value).toArray()));
            statement.setTimestamp(2, Timestamp.from(since));
            return statement;
        }, rs -> {
            sums.put(new AccountId(rs.getObject(1, UUID.class)), rs.getLong(2));
        });
        return sums;
    }

    /**
     * Stores the tickets with their decided status; a ticket whose request id the account already used is
     * skipped. Returns the ids stored.
     */
    Set<UUID> insert(List<Ticket> tickets, List<BetStatus> statuses, List<String> refusals, Instant at, long batch) {
        int n = tickets.size();
        UUID[] ids = new UUID[n];
        UUID[] accounts = new UUID[n];
        String[] requests = new String[n];
        String[] fingerprints = new String[n];
        UUID[] pools = new UUID[n];
        UUID[] races = new UUID[n];
        String[] types = new String[n];
        String[] formulations = new String[n];
        long[] combinations = new long[n];
        long[] units = new long[n];
        long[] totals = new long[n];
        String[] channels = new String[n];
        String[] countries = new String[n];
        String[] status = new String[n];
        String[] refusal = new String[n];
        for (int i = 0; i < n; i++) {
            Ticket t = tickets.get(i);
            ids[i] = t.betId();
            accounts[i] = t.account().value();
            requests[i] = t.requestId();
            fingerprints[i] = t.fingerprint();
            pools[i] = t.poolId();
            races[i] = t.raceIds().getFirst();
            types[i] = t.betType().name();
            formulations[i] = t.formulation();
            combinations[i] = t.combinations();
            units[i] = t.unitStake().cents();
            totals[i] = t.totalStake().cents();
            channels[i] = t.channel().name();
            countries[i] = t.country();
            status[i] = statuses.get(i).name();
            refusal[i] = refusals.get(i);
        }
        Set<UUID> stored = new HashSet<>();
        jdbc.query(connection -> {
            PreparedStatement statement = connection.prepareStatement("""
                    insert into tote.bets (id, account_id, request_id, fingerprint, pool_id, race_id, bet_type,
                        formulation, combinations, unit_stake_cents, total_stake_cents, channel, country, status,
                        refusal, placed_at, batch)
                    select t.*, ?, ? from unnest(?::uuid[], ?::uuid[], ?::text[], ?::text[], ?::uuid[], ?::uuid[],
                        ?::text[], ?::text[], ?::bigint[], ?::bigint[], ?::bigint[], ?::text[], ?::text[], ?::text[],
                        ?::text[]) as t
                    on conflict (account_id, request_id) do nothing
                    returning id""");
            statement.setTimestamp(1, Timestamp.from(at));
            statement.setLong(2, batch);
            SqlArrays.bind(connection, statement, 3, ids, accounts, requests, fingerprints, pools, races, types,
                    formulations, combinations, units, totals, channels, countries, status, refusal);
            return statement;
        }, rs -> {
            stored.add(rs.getObject(1, UUID.class));
        });
        return stored;
    }

    void refuse(Collection<UUID> betIds, String refusal) {
        jdbc.update(connection -> {
            PreparedStatement statement = connection.prepareStatement(
                    "update tote.bets set status = 'REFUSED', refusal = ? where id = any(?)");
            statement.setString(1, refusal);
            statement.setArray(2, connection.createArrayOf("uuid", betIds.toArray()));
            return statement;
        });
    }

    /** A bet already stored under an account's request id. */
    record Stored(UUID betId, String fingerprint, BetStatus status, String refusal, Instant placedAt) {
    }

    Map<String, Stored> byRequest(AccountId account, Collection<String> requestIds) {
        Map<String, Stored> found = new HashMap<>();
        jdbc.query(connection -> {
            PreparedStatement statement = connection.prepareStatement("""
                    select request_id, id, fingerprint, status, refusal, placed_at from tote.bets
                    where account_id = ? and request_id = any(?)""");
            statement.setObject(1, account.value());
            statement.setArray(2, connection.createArrayOf("text", requestIds.toArray()));
            return statement;
        }, rs -> {
            found.put(rs.getString(1), new Stored(rs.getObject(2, UUID.class), rs.getString(3),
                    BetStatus.valueOf(rs.getString(4)), rs.getString(5),
                    rs.getObject(6, OffsetDateTime.class).toInstant()));
        });
        return found;
    }

    /**
     * Adds stakes per combination: appends the change as one row of {@code tote.pool_total_changes} (tote V20), in the
     * caller's transaction, so it is durable with the bets it counts; {@link PoolTotalsKeeper} folds it into
     * {@code tote.pool_totals} within about a second. No pool-total row is locked here, so two writers never wait for
     * each other on a hot combination.
     */
    void addToTotals(List<PoolCombination> combinations, long[] cents) {
        record(combinations, cents);
    }

    /** Takes stakes back (a cancellation): a change with negative cents, folded after the stakes it takes back. */
    void subtractFromTotals(List<PoolCombination> combinations, long[] cents) {
        long[] negated = new long[cents.length];
        for (int i = 0; i < cents.length; i++) {
            negated[i] = -cents[i];
        }
        record(combinations, negated);
    }

    private void record(List<PoolCombination> combinations, long[] cents) {
        int n = combinations.size();
        if (n == 0) {
            return;
        }
        UUID[] pools = new UUID[n];
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            pools[i] = combinations.get(i).poolId();
            keys[i] = combinations.get(i).key();
        }
        jdbc.execute((ConnectionCallback<Integer>) connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "insert into tote.pool_total_changes (pools, keys, cents) values (?, ?, ?)")) {
                SqlArrays.bind(connection, statement, 1, pools, keys, cents);
                return statement.executeUpdate();
            }
        });
    }

    /**
     * Folds up to {@code maxChanges} changes, oldest first, into {@code tote.pool_totals} (tote V20), in the caller's
     * transaction; -1 when another transaction, of any node, is folding.
     */
    int foldTotals(int maxChanges) {
        Integer folded = jdbc.queryForObject("select tote.fold_pool_total_changes(?)", Integer.class, maxChanges);
        return folded == null ? 0 : folded;
    }

    /** Every open pool's stakes (the totals and the changes not folded yet, one snapshot), for the in-memory copies. */
    void forEachTotal(TotalConsumer consumer) {
        jdbc.query("""
                select t.pool_id, t.combination_key, t.stake_cents from tote.pool_stakes t
                join tote.pools p on p.id = t.pool_id where p.status in ('SCHEDULED', 'OPEN', 'CLOSED')""",
                rs -> {
                    consumer.accept(rs.getObject(1, UUID.class), rs.getLong(2), rs.getLong(3));
                });
    }

    interface TotalConsumer {
        void accept(UUID poolId, long key, long cents);
    }

    record PoolCombination(UUID poolId, long key) {
    }
}
