package dev.paddock.tote.settlement;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The tickets of a pool as settlement streams and pays them. */
@Repository
class TicketPayments {

    static final int FETCH_SIZE = 10_000;

    /** A ticket not paid yet. */
    record Unpaid(UUID poolId, UUID betId, UUID accountId, String formulation, long unitStakeCents, long totalStakeCents) {
    }

    /** What a ticket is paid: winnings and refund in cents, at least one positive. */
    record Due(UUID betId, UUID accountId, long winningsCents, long refundCents) {
    }

    interface UnpaidConsumer {
        void accept(Unpaid ticket);
    }

    private final JdbcTemplate jdbc;

    TicketPayments(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Streams the pools' accepted tickets not paid yet, in one scan, through a server-side cursor (the caller's
     * transaction makes PostgreSQL honour the fetch size), so a race of a million tickets never sits in memory as
     * rows.
     */
    void forEachUnpaid(Collection<UUID> poolIds, UnpaidConsumer consumer) {
        jdbc.query(connection -> {
            PreparedStatement statement = connection.prepareStatement("""
                    select pool_id, id, account_id, formulation, unit_stake_cents, total_stake_cents from tote.bets
                    where pool_id = any(?) and status = 'ACCEPTED' and settled_at is null""");
            statement.setFetchSize(FETCH_SIZE);
            statement.setArray(1, connection.createArrayOf("uuid", poolIds.toArray()));
            return statement;
        }, rs -> {
            consumer.accept(new Unpaid(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                    rs.getObject(3, UUID.class), rs.getString(4), rs.getLong(5), rs.getLong(6)));
        });
    }

    /** Records what each ticket got, in one statement; only tickets that get something are written. */
    void markPaid(List<Due> dues, Instant at) {
        int n = dues.size();
        Object[] ids = new Object[n];
        Object[] winnings = new Object[n];
        Object[] refunds = new Object[n];
        for (int i = 0; i < n; i++) {
            Due due = dues.get(i);
            ids[i] = due.betId();
            winnings[i] = due.winningsCents() > 0 ? due.winningsCents() : null;
            refunds[i] = due.refundCents() > 0 ? due.refundCents() : null;
        }
        // "b.id = any(ids)" as well as the join: with the join alone, PostgreSQL estimates the unnest's thousands of
        // rows and hashes the whole of tote.bets for every chunk (a sequential scan of a million tickets per
        // chunk); with it, the tickets are found through the primary key.
        int updated = jdbc.update(connection -> {
            PreparedStatement statement = connection.prepareStatement("""
                    update tote.bets b set winnings_cents = d.winnings, refund_cents = d.refund, settled_at = ?
                    from unnest(?::uuid[], ?::bigint[], ?::bigint[]) as d(id, winnings, refund)
                    where b.id = any(?::uuid[]) and b.id = d.id and b.settled_at is null""");
            Array idArray = connection.createArrayOf("uuid", ids);
            statement.setTimestamp(1, Timestamp.from(at));
            statement.setArray(2, idArray);
            statement.setArray(3, connection.createArrayOf("bigint", winnings));
            statement.setArray(4, connection.createArrayOf("bigint", refunds));
            statement.setArray(5, idArray);
            return statement;
        });
        if (updated != n) {
            // another settlement paid some of them meanwhile: roll back rather than credit twice
            throw new IllegalStateException("Expected to mark " + n + " tickets paid, marked " + updated);
        }
    }
}
