package dev.paddock.wallet.ledger;

import dev.paddock.identity.AccountId;
import dev.paddock.shared.Money;
import dev.paddock.wallet.IdempotencyKey;
import dev.paddock.wallet.Movement;
import dev.paddock.wallet.MovementKind;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The journal in PostgreSQL (schema {@code wallet}, see V1__ledger.sql for the sign convention). Every
 * movement the wallet writes has one posting on a customer wallet and a house side: its own posting on a house
 * account, or, written in a batch, its share of its batch entry's house posting (V6).
 * The methods that write expect the caller's transaction; each is a single statement.
 */
@Repository
class Ledger {

    private final JdbcClient jdbc;
    // House accounts never disappear once committed, so their ids are safe to keep.
    private final Map<String, Long> houseAccountIds = new ConcurrentHashMap<>();

    Ledger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static String walletCode(AccountId owner) {
        return "customer:" + owner;
    }

    /**
     * Claims the entry's idempotency key (and, for a reversal, the reversed movement). False when either is
     * taken; a concurrent claim of the same key waits here until the first transaction ends.
     */
    boolean open(UUID id, MovementKind kind, IdempotencyKey key, String fingerprint, String reference,
            UUID reverses, Instant at) {
        return jdbc.sql("""
                        insert into wallet.entries
                            (id, kind, idempotency_key, request_fingerprint, reference, reverses, created_at)
                        values (:id, :kind, :key, :fingerprint, :reference, :reverses, :at)
                        on conflict do nothing""")
                .param("id", id).param("kind", kind.name()).param("key", key.value())
                .param("fingerprint", fingerprint).param("reference", reference)
                .param("reverses", reverses, Types.OTHER).param("at", Timestamp.from(at))
                .update() == 1;
    }

    /** Adds to a customer's wallet, opening it on first use. */
    WalletBalance add(AccountId owner, long cents, Instant at) {
        return jdbc.sql("""
                        insert into wallet.ledger_accounts as a
                            (code, kind, owner_account, balance_cents, allow_negative, created_at)
                        values (:code, 'LIABILITY', :owner, :cents, false, :at)
                        on conflict (code) do update set balance_cents = a.balance_cents + excluded.balance_cents
                        returning id, balance_cents""")
                .param("code", walletCode(owner)).param("owner", owner.value()).param("cents", cents)
                .param("at", Timestamp.from(at))
                .query(Ledger::walletBalance).single();
    }

    /**
     * Takes from a customer's wallet only if it holds enough: the check and the change are one statement,
     * so concurrent takes queue on the row lock and none can overdraw. Empty when the wallet is short.
     */
    Optional<WalletBalance> take(AccountId owner, long cents) {
        return jdbc.sql("""
                        update wallet.ledger_accounts set balance_cents = balance_cents - :cents
                        where code = :code and balance_cents >= :cents
                        returning id, balance_cents""")
                .param("cents", cents).param("code", walletCode(owner))
                .query(Ledger::walletBalance).optional();
    }

    /** The two postings of an entry; the house side has no running balance (see V1__ledger.sql). */
    void post(UUID entryId, WalletBalance wallet, long walletCents, long houseAccountId) {
        jdbc.sql("""
                        insert into wallet.postings (entry_id, ledger_account_id, amount_cents, balance_after)
                        values (:entry, :wallet, :walletCents, :balanceAfter), (:entry, :house, :houseCents, null)""")
                .param("entry", entryId).param("wallet", wallet.ledgerAccountId()).param("walletCents", walletCents)
                .param("balanceAfter", wallet.balanceCents()).param("house", houseAccountId)
                .param("houseCents", Math.negateExact(walletCents))
                .update();
    }

    /** The movement recorded under a key, with the fingerprint of the request that recorded it. */
    Optional<Recorded> findByKey(IdempotencyKey key) {
        return jdbc.sql("""
                        select e.id, e.kind, e.reference, e.created_at, e.request_fingerprint,
                               p.amount_cents, p.balance_after, a.owner_account
                        from wallet.entries e
                        join wallet.postings p on p.entry_id = e.id
                        join wallet.ledger_accounts a on a.id = p.ledger_account_id and a.owner_account is not null
                        where e.idempotency_key = :key""")
                .param("key", key.value())
                .query((rs, row) -> new Recorded(rs.getString("request_fingerprint"), movement(rs)))
                .optional();
    }

    /**
     * What a reversal needs to know about the movement it reverses; the house side of a movement written in a
     * batch is its batch entry's posting (V6).
     */
    Optional<Original> original(UUID movementId) {
        return jdbc.sql("""
                        select e.kind, e.reference, a.owner_account, p.amount_cents, h.ledger_account_id as house
                        from wallet.entries e
                        join wallet.postings p on p.entry_id = e.id
                        join wallet.ledger_accounts a on a.id = p.ledger_account_id and a.owner_account is not null
                        join wallet.postings h on h.entry_id = coalesce(e.batch_id, e.id)
                            and h.ledger_account_id <> p.ledger_account_id
                        where e.id = :id""")
                .param("id", movementId)
                .query((rs, row) -> new Original(MovementKind.valueOf(rs.getString("kind")),
                        rs.getString("reference"), new AccountId(rs.getObject("owner_account", UUID.class)),
                        rs.getLong("amount_cents"), rs.getLong("house")))
                .optional();
    }

    /** The customer's balance, opening the wallet on first use. */
    Money balance(AccountId owner, Instant at) {
        String code = walletCode(owner);
        Optional<Long> balance = jdbc.sql("select balance_cents from wallet.ledger_accounts where code = :code")
                .param("code", code).query(Long.class).optional();
        if (balance.isPresent()) {
            return Money.ofCents(balance.get());
        }
        jdbc.sql("""
                        insert into wallet.ledger_accounts (code, kind, owner_account, allow_negative, created_at)
                        values (:code, 'LIABILITY', :owner, false, :at)
                        on conflict (code) do nothing""")
                .param("code", code).param("owner", owner.value()).param("at", Timestamp.from(at)).update();
        return Money.ofCents(jdbc.sql("select balance_cents from wallet.ledger_accounts where code = :code")
                .param("code", code).query(Long.class).single());
    }

    List<Movement> movements(AccountId owner, int page, int size) {
        return jdbc.sql("""
                        select e.id, e.kind, e.reference, e.created_at, e.request_fingerprint,
                               p.amount_cents, p.balance_after, a.owner_account
                        from wallet.ledger_accounts a
                        join wallet.postings p on p.ledger_account_id = a.id
                        join wallet.entries e on e.id = p.entry_id
                        where a.code = :code
                        order by p.id desc
                        limit :size offset :offset""")
                .param("code", walletCode(owner)).param("size", size).param("offset", (long) page * size)
                .query((rs, row) -> movement(rs)).list();
    }

    long countMovements(AccountId owner) {
        return jdbc.sql("""
                        select count(*) from wallet.postings p
                        join wallet.ledger_accounts a on a.id = p.ledger_account_id
                        where a.code = :code""")
                .param("code", walletCode(owner)).query(Long.class).single();
    }

    /**
     * The id of a house account, opened on first use in the caller's transaction. The id is kept in memory
     * only once that transaction has committed, so a rollback cannot leave a remembered id without its row.
     * No second connection is taken: with every pooled connection held by a caller, asking for another one
     * here would wait forever (it did, at the first purchase of an opening rush).
     */
    long houseAccount(String code) {
        Long known = houseAccountIds.get(code);
        if (known != null) {
            return known;
        }
        jdbc.sql("""
                        insert into wallet.ledger_accounts (code, kind, allow_negative, created_at)
                        values (:code, :kind, true, now())
                        on conflict (code) do nothing""")
                .param("code", code).param("kind", houseKind(code)).update();
        long id = jdbc.sql("select id from wallet.ledger_accounts where code = :code")
                .param("code", code).query(Long.class).single();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    houseAccountIds.putIfAbsent(code, id);
                }
            });
        } else {
            houseAccountIds.putIfAbsent(code, id);
        }
        return id;
    }

    private static String houseKind(String code) {
        return code.startsWith("purchases:") || code.equals("operator:fees") ? "REVENUE" : "LIABILITY";
    }

    private static WalletBalance walletBalance(ResultSet rs, int row) throws SQLException {
        return new WalletBalance(rs.getLong("id"), rs.getLong("balance_cents"));
    }

    private static Movement movement(ResultSet rs) throws SQLException {
        return new Movement(rs.getObject("id", UUID.class), new AccountId(rs.getObject("owner_account", UUID.class)),
                MovementKind.valueOf(rs.getString("kind")), Money.ofCents(rs.getLong("amount_cents")),
                Money.ofCents(rs.getLong("balance_after")), rs.getString("reference"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(), false);
    }

    record WalletBalance(long ledgerAccountId, long balanceCents) {
    }

    record Recorded(String fingerprint, Movement movement) {
    }

    /** A movement seen from the side that reverses it: which wallet, how much, against which house account. */
    record Original(MovementKind kind, String reference, AccountId owner, long walletCents, long houseAccountId) {
    }
}
