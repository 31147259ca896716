package dev.paddock.shared.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Gives a new embedded cluster the WAL files a node that has run already has. PostgreSQL creates each new 16 MB WAL
 * segment by writing it full of zeros and syncing it while it holds the WAL write lock, so every commit waits for
 * that; once a checkpoint has passed them, it renames old segments for reuse instead, as many as {@code
 * min_wal_size} allows. A node that has taken a rush before keeps them; a fresh one creates a new segment every 1-2 s
 * at 5,000 bets/s, and its commits stall behind each (session 11, README, Benchmarks).
 * <p>
 * So, when the cluster's WAL is smaller than asked: write the difference as WAL once (logical decoding messages,
 * which touch no table), switch to a new segment and checkpoint, which leaves the written segments for reuse. On an
 * existing data directory that already has them, nothing is written.
 */
final class WalPreallocation {

    /** One message per MiB. */
    private static final int CHUNK = 1 << 20;

    private WalPreallocation() {
    }

    /**
     * @param bytes the WAL to have on disk, at most {@code min_wal_size} (or the checkpoint removes the surplus)
     * @return the WAL files' size before and after, and the MiB written
     */
    static Outcome ensure(DataSource postgres, long bytes) throws SQLException {
        try (Connection connection = postgres.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(true);
            long before = walOnDisk(statement);
            if (before >= bytes) {
                return new Outcome(before, before, 0);
            }
            long chunks = (bytes - before + CHUNK - 1) / CHUNK;
            try (PreparedStatement write = connection.prepareStatement("""
                    select count(pg_logical_emit_message(false, 'paddock.wal-preallocation', repeat('x', ?)))
                    from generate_series(1, ?)""")) {
                write.setInt(1, CHUNK);
                write.setLong(2, chunks);
                write.execute();
            }
            statement.execute("select pg_switch_wal()");
            statement.execute("checkpoint");
            return new Outcome(before, walOnDisk(statement), chunks);
        }
    }

    private static long walOnDisk(Statement statement) throws SQLException {
        try (ResultSet rs = statement.executeQuery("select coalesce(sum(size), 0) from pg_ls_waldir()")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * The {@code min_wal_size} to run with: the configured one, raised to the pre-allocation so that checkpoints keep
     * its segments for reuse. A pre-allocation above {@code max_wal_size} is refused: every checkpoint would remove the
     * surplus.
     *
     * @param server the embedded server's settings, by PostgreSQL's names with dashes ({@code min-wal-size})
     */
    static String minWalSize(long preallocate, Map<String, String> server) {
        String max = server.getOrDefault("max-wal-size", "1GB");
        if (bytes(max) < preallocate) {
            throw new IllegalStateException("paddock.db.embedded.wal-preallocate (" + megabytes(preallocate)
                    + ") is larger than max_wal_size (" + max + "), so checkpoints would remove what it writes: raise "
                    + "PADDOCK_DB_MAX_WAL_SIZE to at least that, or pre-allocate less");
        }
        String min = server.getOrDefault("min-wal-size", "80MB");
        return bytes(min) >= preallocate ? min : megabytes(preallocate);
    }

    private static final Pattern SIZE = Pattern.compile("\\s*(\\d+)\\s*([kMGT]?B)?\\s*");

    /**
     * A WAL size setting as PostgreSQL reads it: a number with one of its units ({@code B}, {@code kB}, {@code MB},
     * {@code GB}, {@code TB}, powers of 1024), or a bare number of MB, the unit of {@code min_wal_size} and {@code
     * max_wal_size}.
     */
    static long bytes(String setting) {
        Matcher m = SIZE.matcher(setting);
        if (!m.matches()) {
            throw new IllegalArgumentException("Not a PostgreSQL size: " + setting);
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "MB" : m.group(2);
        int shift = switch (unit) {
            case "B" -> 0;
            case "kB" -> 10;
            case "MB" -> 20;
            case "GB" -> 30;
            case "TB" -> 40;
            default -> throw new IllegalArgumentException("Not a PostgreSQL size unit: " + unit);
        };
        return Math.multiplyExact(n, 1L << shift);
    }

    /** In MB, as PostgreSQL takes it, rounded up. */
    static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%dMB", (bytes + (1 << 20) - 1) >> 20);
    }

    /** @param written MiB of WAL written to get there (0: the cluster had enough) */
    record Outcome(long before, long after, long written) {
    }
}
