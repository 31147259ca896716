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

    public long unbalancedEntries() {
        return jdbc.sql("""
                        select count(*) from (select entry_id from wallet.postings group by entry_id
                                              having sum(amount_cents) <> 0 or count(*) <> 2) unbalanced""")
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
