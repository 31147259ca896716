package dev.paddock.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The database itself refuses a journal entry whose postings do not sum to zero (with the entries naming it as
 * their batch, wallet V6), and postings naming an entry or a ledger account that does not exist (checked per
 * statement, wallet V5).
 */
@SpringBootTest
@ActiveProfiles("test")
@AutoConfigureMockMvc
class JournalBalanceIT {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void anEntryWhosePostingsDoNotSumToZeroIsRefused() {
        UUID entry = entry();
        assertThatThrownBy(() -> post(entry, 500, -499))
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("does not balance");
        assertThat(postings(entry)).isZero();
    }

    @Test
    void anEntryWrittenHalfInOneStatementAndHalfInAnotherIsRefused() {
        UUID entry = entry();
        assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
            jdbc.sql("insert into wallet.postings (entry_id, ledger_account_id, amount_cents) values (?, ?, 700)")
                    .params(entry, house("operator:fees")).update();
            jdbc.sql("insert into wallet.postings (entry_id, ledger_account_id, amount_cents) values (?, ?, -700)")
                    .params(entry, house("tote:pools")).update();
        })).isInstanceOf(DataIntegrityViolationException.class);
        assertThat(postings(entry)).isZero();
    }

    @Test
    void balancedEntriesAreWrittenManyAtATime() {
        UUID first = entry();
        UUID second = entry();
        jdbc.sql("""
                insert into wallet.postings (entry_id, ledger_account_id, amount_cents)
                values (?, ?, 300), (?, ?, -300), (?, ?, 800), (?, ?, -800)""")
                .params(first, house("operator:fees"), first, house("tote:pools"),
                        second, house("operator:fees"), second, house("tote:pools"))
                .update();
        assertThat(postings(first)).isEqualTo(2);
        assertThat(postings(second)).isEqualTo(2);
    }

    @Test
    void entriesOfABatchBalanceWithTheHousePostingOfTheirBatchEntry() {
        UUID batch = entry(null);
        UUID first = entry(batch);
        UUID second = entry(batch);
        jdbc.sql("""
                insert into wallet.postings (entry_id, ledger_account_id, amount_cents)
                values (?, ?, -300), (?, ?, -800), (?, ?, 1100)""")
                .params(first, house("operator:fees"), second, house("operator:fees"), batch, house("tote:pools"))
                .update();
        assertThat(postings(first)).isOne();
        assertThat(postings(second)).isOne();
        assertThat(postings(batch)).isOne();
    }

    @Test
    void aBatchWhoseHousePostingIsNotTheSumOfItsEntriesIsRefused() {
        UUID batch = entry(null);
        UUID first = entry(batch);
        UUID second = entry(batch);
        assertThatThrownBy(() -> jdbc.sql("""
                insert into wallet.postings (entry_id, ledger_account_id, amount_cents)
                values (?, ?, -300), (?, ?, -800), (?, ?, 1000)""")
                .params(first, house("operator:fees"), second, house("operator:fees"), batch, house("tote:pools"))
                .update())
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("journal entry " + batch + " does not balance");
        assertThat(postings(first) + postings(second) + postings(batch)).isZero();
    }

    @Test
    void anEntryOfABatchWrittenWithoutItsBatchsHousePostingIsRefused() {
        UUID batch = entry(null);
        UUID member = entry(batch);
        assertThatThrownBy(() -> jdbc.sql("insert into wallet.postings (entry_id, ledger_account_id, amount_cents) values (?, ?, -500)")
                .params(member, house("operator:fees")).update())
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("journal entry " + batch + " does not balance");
        assertThat(postings(member)).isZero();
    }

    @Test
    void aPostingOfAnEntryThatDoesNotExistIsRefused() {
        UUID entry = entry();
        UUID missing = UUID.randomUUID();
        assertThatThrownBy(() -> jdbc.sql("""
                insert into wallet.postings (entry_id, ledger_account_id, amount_cents)
                values (?, ?, 300), (?, ?, -300), (?, ?, 400), (?, ?, -400)""")
                .params(entry, house("operator:fees"), entry, house("tote:pools"),
                        missing, house("operator:fees"), missing, house("tote:pools"))
                .update())
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("does not exist");
        assertThat(postings(entry)).isZero();
    }

    @Test
    void aPostingToALedgerAccountThatDoesNotExistIsRefused() {
        UUID entry = entry();
        long missing = 1 + jdbc.sql("select max(id) from wallet.ledger_accounts").query(Long.class).single();
        assertThatThrownBy(() -> post(entry, house("operator:fees"), 500, missing, -500))
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("does not exist");
        assertThat(postings(entry)).isZero();
    }

    @Test
    void aLedgerAccountWithPostingsCannotBeDeleted() {
        String posted = "test:posted-" + UUID.randomUUID();
        String unused = "test:unused-" + UUID.randomUUID();
        post(entry(), house(posted), 900, house("tote:pools"), -900);
        house(unused);

        assertThatThrownBy(() -> jdbc.sql("delete from wallet.ledger_accounts where code = ?").param(posted).update())
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("cannot be deleted");
        assertThat(jdbc.sql("delete from wallet.ledger_accounts where code = ?").param(unused).update()).isEqualTo(1);
    }

    private void post(UUID entry, long account, long cents, long otherAccount, long otherCents) {
        jdbc.sql("insert into wallet.postings (entry_id, ledger_account_id, amount_cents) values (?, ?, ?), (?, ?, ?)")
                .params(entry, account, cents, entry, otherAccount, otherCents)
                .update();
    }

    private void post(UUID entry, long one, long other) {
        post(entry, house("operator:fees"), one, house("tote:pools"), other);
    }

    private UUID entry() {
        return entry(null);
    }

    private UUID entry(UUID batch) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into wallet.entries (id, kind, idempotency_key, request_fingerprint, reference, batch_id,
                    created_at)
                values (?, 'CREDIT', ?, 'test', 'test:journal-balance', ?, now())""")
                .params(id, "journal-balance-test:" + id, batch)
                .update();
        return id;
    }

    private long house(String code) {
        jdbc.sql("""
                insert into wallet.ledger_accounts (code, kind, allow_negative, created_at)
                values (?, 'LIABILITY', true, now()) on conflict (code) do nothing""")
                .param(code).update();
        return jdbc.sql("select id from wallet.ledger_accounts where code = ?").param(code).query(Long.class).single();
    }

    private int postings(UUID entry) {
        return jdbc.sql("select count(*) from wallet.postings where entry_id = ?").param(entry).query(Integer.class)
                .single();
    }
}
