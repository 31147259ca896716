package dev.paddock.events.registration;

import java.sql.Connection;
import java.sql.SQLException;
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
 */
final class WriterConnection {

    private final DataSource dataSource;
    private ConnectionHolder held;
    private Thread holder;

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
        held = new ConnectionHolder(connection);
        holder = Thread.currentThread();
        TransactionSynchronizationManager.bindResource(dataSource, held);
    }

    /** Unbinds the held connection and gives it back to the pool; on another thread than the holder's, nothing. */
    void release() {
        if (held == null || holder != Thread.currentThread()) {
            return;
        }
        TransactionSynchronizationManager.unbindResourceIfPossible(dataSource);
        try {
            held.getConnection().close();
        } catch (SQLException e) {
            // the pool has it back or will evict it: nothing more to do with it
        } finally {
            held = null;
            holder = null;
        }
    }
}
