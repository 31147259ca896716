package dev.paddock.events.registration;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The registration writer's own database connection while it is busy: taken from the pool once and bound to the
 * writer's thread, so each batch's transaction runs on it (Spring reuses a connection bound before the transaction
 * begins) instead of queueing for a connection behind hundreds of request threads. In a rush the writer waited
 * for the pool for seconds while request threads held every connection, each of them waiting in turn for a
 * carrier thread to read its answer. Given back when the writer goes idle or after a failed batch (the pool then
 * checks it and replaces a broken one).
 *
 * <p>While held, the connection runs every statement on generic plans ({@code plan_cache_mode =
 * force_generic_plan}, set once when taken and reset when given back, rather than {@code set local} at the start of
 * each batch: one round trip fewer per batch). Every statement of a batch takes its rows as arrays ({@code unnest},
 * {@code = any}); PostgreSQL estimates a bound array's length and finds the plan made for those few elements
 * cheaper than the generic one (which assumes ten), so with the default mode it planned every execution again: in
 * an opening rush's waitlist phase, batches of one or two entries, the statement writing orders, registrations,
 * places and history spent about as long being planned as being run. The generic plans are the ones a batch wants
 * whatever its size (index look-ups by key); README, Benchmarks, session 13.
 */
final class WriterConnection {

    private final DataSource dataSource;
    private ConnectionHolder held;
    private Thread holder;
    private boolean genericPlans;

    /** @param transactions the writer's transaction manager; any other than a DataSource one: nothing is held */
    WriterConnection(PlatformTransactionManager transactions) {
        this.dataSource = transactions instanceof DataSourceTransactionManager manager ? manager.getDataSource() : null;
    }

    /** Binds a connection to the calling thread unless one is already held (the writer's thread only). */
    void hold() {
        if (dataSource == null || held != null) {
            return;
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try (Statement statement = connection.createStatement()) {
            statement.execute("set plan_cache_mode = force_generic_plan");
            genericPlans = true;
        } catch (SQLException e) {
            // the batches set it themselves (RegistrationRows#planOnce); a broken connection fails their transaction
            genericPlans = false;
        }
        held = new ConnectionHolder(connection);
        holder = Thread.currentThread();
        TransactionSynchronizationManager.bindResource(dataSource, held);
    }

    /** Whether the calling thread's batches run on generic plans already (a connection held and set). */
    boolean genericPlans() {
        return held != null && holder == Thread.currentThread() && genericPlans;
    }

    /**
     * Resets the plan mode, unbinds the held connection and gives it back to the pool; on another thread than the
     * holder's, nothing.
     */
    void release() {
        if (held == null || holder != Thread.currentThread()) {
            return;
        }
        TransactionSynchronizationManager.unbindResourceIfPossible(dataSource);
        Connection connection = held.getConnection();
        try (Statement statement = connection.createStatement()) {
            statement.execute("reset plan_cache_mode");
        } catch (SQLException e) {
            // a connection that cannot run this is broken: the pool checks it before lending it again
        }
        try {
            connection.close();
        } catch (SQLException e) {
            // the pool has it back or will evict it: nothing more to do with it
        } finally {
            held = null;
            holder = null;
            genericPlans = false;
        }
    }
}
