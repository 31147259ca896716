package dev.paddock.shared.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On a real embedded cluster of its own: the WAL is written once, its segments stay as files ready for reuse after
 * the checkpoint and after a restart, and a cluster that already has them gets nothing written.
 */
class WalPreallocationIT {

    private static final long MB = 1L << 20;
    private static final long WANTED = 96 * MB;

    @TempDir
    Path dir;

    @Test
    void writesTheWalOnceAndKeepsItAcrossARestart() throws Exception {
        Path data = Files.createDirectories(dir.resolve("pg"));
        long lsnBefore;
        try (EmbeddedPostgres server = start(data)) {
            long fresh = walOnDisk(server);
            assertThat(fresh).as("a new cluster's WAL").isLessThan(WANTED);

            WalPreallocation.Outcome first = WalPreallocation.ensure(server.getPostgresDatabase(), WANTED);
            assertThat(first.before()).isEqualTo(fresh);
            assertThat(first.written()).isEqualTo((WANTED - fresh + MB - 1) / MB);
            assertThat(first.after()).isGreaterThanOrEqualTo(WANTED).isEqualTo(walOnDisk(server));

            lsnBefore = lsn(server);
            WalPreallocation.Outcome again = WalPreallocation.ensure(server.getPostgresDatabase(), WANTED);
            assertThat(again.written()).isZero();
            assertThat(again.after()).isEqualTo(first.after());
            assertThat(lsn(server) - lsnBefore).as("WAL written by a second call").isLessThan(MB);
        }
        try (EmbeddedPostgres server = start(data)) {
            assertThat(walOnDisk(server)).as("WAL files after a restart").isGreaterThanOrEqualTo(WANTED);
            WalPreallocation.Outcome restarted = WalPreallocation.ensure(server.getPostgresDatabase(), WANTED);
            assertThat(restarted.written()).isZero();
        }
    }

    private static EmbeddedPostgres start(Path data) throws Exception {
        return EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false)
                .setServerConfig("min_wal_size", WalPreallocation.minWalSize(WANTED, Map.of()))
                .start();
    }

    private static long walOnDisk(EmbeddedPostgres server) throws Exception {
        return single(server, "select sum(size) from pg_ls_waldir()");
    }

    private static long lsn(EmbeddedPostgres server) throws Exception {
        return single(server, "select pg_current_wal_insert_lsn() - '0/0'::pg_lsn");
    }

    private static long single(EmbeddedPostgres server, String sql) throws Exception {
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
