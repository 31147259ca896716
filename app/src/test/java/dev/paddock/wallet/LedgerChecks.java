package dev.paddock.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paddock.identity.AccountId;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Reads the ledger tables directly, to check what the wallet wrote rather than what it says it wrote. */
public final class LedgerChecks {

    private final JdbcClient jdbc;

    public LedgerChecks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Posting(String account, long amount, Long balanceAfter) {
    }

    public List<Posting> postings(UUID movementId) {
        return jdbc.sql("""
                        select a.code, p.amount_cents, p.balance_after from wallet.postings p
                        join wallet.ledger_accounts a on a.id = p.ledger_account_id
                        where p.entry_id = :id order by p.id""")
                .param("id", movementId)
                .query((rs, row) -> new Posting(rs.getString(1), rs.getLong(2), (Long) rs.getObject(3)))
                .list();
    }

    /** The house side of a movement written in a batch: the postings of its batch entry (wallet V6). */
    public List<Posting> batchPostings(UUID movementId) {
        return jdbc.sql("""
                        select a.code, p.amount_cents, p.balance_after from wallet.entries e
                        join wallet.postings p on p.entry_id = e.batch_id
                        join wallet.ledger_accounts a on a.id = p.ledger_account_id
                        where e.id = :id order by p.id""")
                .param("id", movementId)
                .query((rs, row) -> new Posting(rs.getString(1), rs.getLong(2), (Long) rs.getObject(3)))
                .list();
    }

    public long storedBalance(AccountId account) {
        return jdbc.sql("select coalesce(max(balance_cents), 0) from wallet.ledger_accounts where owner_account = :owner")
                .param("owner", account.value()).query(Long.class).single();
    }

    public long sumOfPostings(AccountId account) {
        return jdbc.sql("""
                        select coalesce(sum(p.amount_cents), 0) from wallet.postings p
                        join wallet.ledger_accounts a on a.id = p.ledger_account_id
                        where a.owner_account = :owner""")
                .param("owner", account.value()).query(Long.class).single();
    }

    public long entriesWithKey(String key) {
        return jdbc.sql("select count(*) from wallet.entries where idempotency_key = :key")
                .param("key", key).query(Long.class).single();
    }

    public long movementsOf(AccountId account) {
        return jdbc.sql("""
                        select count(*) from wallet.postings p
                        join wallet.ledger_accounts a on a.id = p.ledger_account_id
                        where a.owner_account = :owner""")
                .param("owner", account.value()).query(Long.class).single();
    }

    /**
     * Journals (an entry, or a batch entry with the entries naming it) whose postings do not sum to zero, and entries
     * with other postings than theirs: two for an entry on its own, one (the wallet's) for an entry of a batch, one (the
     * house account's) for a batch entry.
     */
    public long unbalancedEntries() {
        return jdbc.sql("""
                        with batches as (select distinct batch_id as id from wallet.entries where batch_id is not null),
                             shapes as (select e.id, coalesce(e.batch_id, e.id) as journal,
                                               case when e.batch_id is not null or b.id is not null then 1 else 2 end
                                                   as expected
                                        from wallet.entries e left join batches b on b.id = e.id)
                        select (select count(*) from (select s.journal from wallet.postings p
                                                      join shapes s on s.id = p.entry_id
                                                      group by s.journal having sum(p.amount_cents) <> 0) unbalanced)
                             + (select count(*) from (select s.id from wallet.postings p join shapes s on s.id = p.entry_id
                                                      group by s.id, s.expected having count(*) <> s.expected) misshapen)""")
                .query(Long.class).single();
    }

    /** The invariants that hold after any operation: stored balance = sum of postings = last balance after. */
    public void assertConsistent(AccountId account, long expectedCents) {
        assertThat(storedBalance(account)).as("stored balance").isEqualTo(expectedCents);
        assertThat(sumOfPostings(account)).as("sum of the wallet's postings").isEqualTo(expectedCents);
        List<Long> lastBalanceAfter = jdbc.sql("""
                        select p.balance_after from wallet.postings p
                        join wallet.ledger_accounts a on a.id = p.ledger_account_id
                        where a.owner_account = :owner order by p.id desc limit 1""")
                .param("owner", account.value()).query(Long.class).list();
        lastBalanceAfter.forEach(last -> assertThat(last).as("last balance after").isEqualTo(expectedCents));
        assertThat(unbalancedEntries()).as("unbalanced journal entries").isZero();
    }
}
