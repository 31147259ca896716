package dev.paddock.tote.settlement;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;

/**
 * One settlement of a pool (or of a race's own pools) at a time, across threads and nodes: a PostgreSQL session advisory lock, held on a
 * connection of its own for as long as the pool is settled. A second settlement of the same pool waits, then
 * finds it paid. A node that dies mid-way loses its connection, which releases the lock.
 */
@Component
class PoolLocks {

    private final DataSource dataSource;

    PoolLocks(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The lock of one pool, released by {@link Held#close()}. */
    Held lock(UUID poolId) {
        return lock(poolId.getMostSignificantBits() ^ poolId.getLeastSignificantBits(), poolId);
    }

    /**
     * The lock of a race's own pools, paid together. Its key is the race id's, salted: unsalted, it is the key
     * under which the race is moved to SETTLED, in another connection's transaction.
     */
    Held lockRace(UUID raceId) {
        return lock(raceId.getMostSignificantBits() ^ raceId.getLeastSignificantBits() ^ RACE_SALT, raceId);
    }

    /** "settling" in ASCII. */
    private static final long RACE_SALT = 0x736574746c696e67L;

    private Held lock(long key, UUID id) {
        try {
            Connection connection = dataSource.getConnection();
            try (PreparedStatement statement = connection.prepareStatement("select pg_advisory_lock(?)")) {
                statement.setLong(1, key);
                statement.execute();
                return new Held(connection, key);
            } catch (SQLException | RuntimeException e) {
                connection.close();
                throw e;
            }
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("Cannot lock the settlement of " + id, e);
        }
    }

    static final class Held implements AutoCloseable {

        private final Connection connection;
        private final long key;

        private Held(Connection connection, long key) {
            this.connection = connection;
            this.key = key;
        }

        @Override
        public void close() {
            try (connection; PreparedStatement statement = connection.prepareStatement("select pg_advisory_unlock(?)")) {
                statement.setLong(1, key);
                statement.execute();
            } catch (SQLException e) {
                throw new DataAccessResourceFailureException("Cannot unlock pool settlement " + key, e);
            }
        }
    }
}
