package dev.paddock.wallet.ledger;

import dev.paddock.shared.SqlArrays;
import dev.paddock.wallet.MovementKind;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The ledger's batched statements, for {@link WalletService#debitAll} and {@link WalletService#creditAll}: each
 * reads or writes many rows in one round trip, in the caller's transaction, through {@code unnest} of arrays
 * (one statement, rows in array order).
 */
@Repository
class LedgerBatches {

    private final JdbcTemplate jdbc;

    LedgerBatches(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The idempotency keys among {@code keys} already recorded, with the fingerprint recorded with each. */
    Map<String, String> recordedKeys(Collection<String> keys) {
        Map<String, String> found = new HashMap<>();
        jdbc.query(connection -> {
            PreparedStatement statement = connection.prepareStatement(
                    "select idempotency_key, request_fingerprint from wallet.entries where idempotency_key = any(?)");
            statement.setArray(1, connection.createArrayOf("text", keys.toArray()));
            return statement;
        }, rs -> {
            found.put(rs.getString(1), rs.getString(2));
        });
        return found;
    }

    /**
     * Locks the wallets for the rest of the transaction, in code order (byte order, as Java sorts the codes of
     * {@link #addAll}: every batch locks in the same order, so batches cannot deadlock), and reads their ledger account and balance; a code without a wallet is absent.
     */
    Map<String, Ledger.WalletBalance> lockWallets(Collection<String> walletCodes) {
        Map<String, Ledger.WalletBalance> found = new HashMap<>();
        jdbc.query(connection -> {
            PreparedStatement statement = connection.prepareStatement("""
                    select code, id, balance_cents from wallet.ledger_accounts where code = any(?)
                    order by code collate "C" for update""");
            statement.setArray(1, connection.createArrayOf("text", walletCodes.toArray()));
            return statement;
        }, rs -> {
            found.put(rs.getString(1), new Ledger.WalletBalance(rs.getLong(2), rs.getLong(3)));
        });
        return found;
    }

    /**
     * Adds to each wallet, opening it on first use, in one statement; each code appears once (an upsert cannot
     * touch a row twice). Rows are locked in code order, the order every batch uses, so batches cannot deadlock.
     *
     * @return the ledger account id and new balance of each wallet, by code
     */
    Map<String, Ledger.WalletBalance> addAll(String[] sortedCodes, UUID[] owners, Long[] cents, Instant at) {
        Map<String, Ledger.WalletBalance> found = new HashMap<>();
        jdbc.query(connection -> {
            PreparedStatement statement = connection.prepareStatement("""
                    insert into wallet.ledger_accounts as a (code, kind, owner_account, balance_cents, allow_negative, created_at)
                    select c, 'LIABILITY', o, n, false, ? from unnest(?::text[], ?::uuid[], ?::bigint[]) as t(c, o, n)
                    on conflict (code) do update set balance_cents = a.balance_cents + excluded.balance_cents
                    returning code, id, balance_cents""");
            statement.setTimestamp(1, Timestamp.from(at));
            statement.setArray(2, array(connection, "text", sortedCodes));
            statement.setObject(3, SqlArrays.uuids(owners));
            statement.setArray(4, array(connection, "bigint", cents));
            return statement;
        }, rs -> {
            found.put(rs.getString(1), new Ledger.WalletBalance(rs.getLong(2), rs.getLong(3)));
        });
        return found;
    }

    /** A batch's journal, its rows in array order: entries, then postings (a wallet's last carries its balance). */
    record Journal(MovementKind kind, UUID[] ids, String[] keys, String[] fingerprints, String[] references,
            UUID[] batches, UUID[] postingEntries, Long[] postingAccounts, Long[] postingCents, Long[] balancesAfter) {
    }

    /**
     * Writes a journal in one round trip: first, with {@code codes}, each wallet's new balance (wallets locked by
     * {@link #lockWallets}, each code once), then the entries, each in the batch entry of its {@code batches} row
     * (null: an entry balanced on its own), then the postings. The server runs the statements in this order,
     * each with its own statement-level checks; a key taken meanwhile by another transaction fails the batch.
     *
     * @param codes null when the balances are already written ({@link #addAll})
     */
    void write(String[] codes, Long[] balances, Journal journal, Instant at) {
        String setBalances = codes == null ? "" : """
                update wallet.ledger_accounts a set balance_cents = t.n
                from unnest(?::text[], ?::bigint[]) as t(c, n) where a.code = t.c;
                """;
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            try (PreparedStatement statement = connection.prepareStatement(setBalances + """
                    insert into wallet.entries (id, kind, idempotency_key, request_fingerprint, reference, batch_id,
                        created_at)
                    select id, ?, k, f, r, b, ? from unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::uuid[])
                        as t(id, k, f, r, b);
                    insert into wallet.postings (entry_id, ledger_account_id, amount_cents, balance_after)
                    select * from unnest(?::uuid[], ?::bigint[], ?::bigint[], ?::bigint[])""")) {
                int p = 1;
                if (codes != null) {
                    statement.setArray(p++, array(connection, "text", codes));
                    statement.setArray(p++, array(connection, "bigint", balances));
                }
                statement.setString(p++, journal.kind().name());
                statement.setTimestamp(p++, Timestamp.from(at));
                statement.setObject(p++, SqlArrays.uuids(journal.ids()));
                statement.setArray(p++, array(connection, "text", journal.keys()));
                statement.setArray(p++, array(connection, "text", journal.fingerprints()));
                statement.setArray(p++, array(connection, "text", journal.references()));
                statement.setObject(p++, SqlArrays.uuids(journal.batches()));
                statement.setObject(p++, SqlArrays.uuids(journal.postingEntries()));
                statement.setArray(p++, array(connection, "bigint", journal.postingAccounts()));
                statement.setArray(p++, array(connection, "bigint", journal.postingCents()));
                statement.setArray(p, array(connection, "bigint", journal.balancesAfter()));
                statement.execute();
                // every statement's outcome read, so an error in any surfaces here
                while (statement.getMoreResults() || statement.getUpdateCount() != -1) {
                    continue;
                }
            }
            return null;
        });
    }

    private static Array array(Connection connection, String type, Object[] values) throws SQLException {
        return connection.createArrayOf(type, values);
    }
}
