package dev.paddock.events.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The writer's held connection: transactions on the holding thread run on it one after the other, commit and roll
 * back as usual, and once released the thread takes connections from the pool again.
 */
@SpringBootTest
@ActiveProfiles("test")
class WriterConnectionIT {

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Test
    void transactionsOnTheHoldingThreadShareItsConnectionAndStillCommitAndRollBack() throws Exception {
        String committed = "held-" + UUID.randomUUID();
        String rolledBack = "held-" + UUID.randomUUID();
        CompletableFuture<Boolean> onTheHeldConnection = CompletableFuture.supplyAsync(() -> {
            WriterConnection connection = new WriterConnection(transactions);
            TransactionTemplate transaction = new TransactionTemplate(transactions);
            connection.hold();
            try {
                Connection held = ((ConnectionHolder) TransactionSynchronizationManager.getResource(dataSource))
                        .getConnection();
                boolean first = transaction.execute(status -> current() == held);
                transaction.executeWithoutResult(status -> outbox(committed));
                assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
                    outbox(rolledBack);
                    throw new IllegalStateException("refused");
                })).hasMessage("refused");
                boolean afterRollback = transaction.execute(status -> current() == held);
                return first && afterRollback;
            } finally {
                connection.release();
                assertThat(TransactionSynchronizationManager.hasResource(dataSource)).isFalse();
            }
        });

        assertThat(onTheHeldConnection.get()).isTrue();
        // seen from this thread's own connection: the commit is durable, the rollback left nothing
        assertThat(count(committed)).isOne();
        assertThat(count(rolledBack)).isZero();
    }

    @Test
    void onAnotherThreadThanTheHoldersReleaseLeavesTheHeldConnectionAlone() throws Exception {
        WriterConnection connection = new WriterConnection(transactions);
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        connection.hold();
        try {
            Connection held = ((ConnectionHolder) TransactionSynchronizationManager.getResource(dataSource))
                    .getConnection();
            CompletableFuture.runAsync(connection::release).get();
            assertThat(TransactionSynchronizationManager.hasResource(dataSource)).isTrue();
            Boolean stillHeld = transaction.execute(status -> current() == held && !isClosed(held));
            assertThat(stillHeld).isTrue();
        } finally {
            connection.release();
        }
        assertThat(TransactionSynchronizationManager.hasResource(dataSource)).isFalse();
    }

    @Test
    void theHeldConnectionRunsOnGenericPlansAndGoesBackToThePoolWithTheDefault() throws Exception {
        CompletableFuture<String[]> seen = CompletableFuture.supplyAsync(() -> {
            WriterConnection connection = new WriterConnection(transactions);
            TransactionTemplate transaction = new TransactionTemplate(transactions);
            assertThat(connection.genericPlans()).isFalse();
            connection.hold();
            String whileHeld;
            int pid;
            try {
                assertThat(connection.genericPlans()).isTrue();
                whileHeld = transaction.execute(status -> setting());
                pid = transaction.execute(status -> jdbc.sql("select pg_backend_pid()").query(Integer.class).single());
            } finally {
                connection.release();
            }
            assertThat(connection.genericPlans()).isFalse();
            return new String[] {whileHeld, afterRelease(pid)};
        });

        assertThat(seen.get()).containsExactly("force_generic_plan", "auto");
    }

    /** The plan mode of the pooled connection with this backend pid, borrowing connections until it comes. */
    private String afterRelease(int pid) {
        java.util.List<Connection> borrowed = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) { // the pool's size; the thread's own last connection comes first
                Connection next = dataSource.getConnection();
                borrowed.add(next);
                try (var statement = next.createStatement();
                        var rows = statement.executeQuery("select pg_backend_pid(), current_setting('plan_cache_mode')")) {
                    rows.next();
                    if (rows.getInt(1) == pid) {
                        return rows.getString(2);
                    }
                }
            }
            return "not found again";
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        } finally {
            borrowed.forEach(c -> {
                try {
                    c.close();
                } catch (java.sql.SQLException e) {
                    // back to the pool or evicted
                }
            });
        }
    }

    private String setting() {
        return jdbc.sql("select current_setting('plan_cache_mode')").query(String.class).single();
    }

    private static boolean isClosed(Connection connection) {
        try {
            return connection.isClosed();
        } catch (java.sql.SQLException e) {
            return true;
        }
    }

    /** The connection the current transaction runs on. */
    private Connection current() {
        return DataSourceUtils.getConnection(dataSource);
    }

    private void outbox(String recipient) {
        jdbc.sql("insert into mail.outbox (recipient, subject, body, created_at) values (?, 'held', 'held', now())")
                .param(recipient).update();
    }

    private long count(String recipient) {
        return jdbc.sql("select count(*) from mail.outbox where recipient = ?").param(recipient).query(Long.class)
                .single();
    }
}
