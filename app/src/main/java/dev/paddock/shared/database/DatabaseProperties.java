package dev.paddock.shared.database;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code paddock.db.*}: where the system of record lives and how big the connection pool is.
 *
 * @param url               JDBC URL of an external PostgreSQL; blank starts the embedded one
 * @param poolSize          maximum connections in the Hikari pool
 * @param minimumIdle       connections kept open when idle; below 0 (the default), the whole pool, as HikariCP
 *                          advises: no connection is opened in the middle of a rush
 * @param connectionTimeout how long a caller waits for a free connection before failing
 */
@ConfigurationProperties("paddock.db")
record DatabaseProperties(
        String url,
        String username,
        String password,
        @DefaultValue("20") int poolSize,
        @DefaultValue("-1") int minimumIdle,
        @DefaultValue("5s") Duration connectionTimeout,
        @DefaultValue Embedded embedded) {

    boolean external() {
        return url != null && !url.isBlank();
    }

    /**
     * @param dataDir         folder of the embedded cluster; blank means a temporary one, deleted at exit
     * @param port            fixed port, or 0 for any free port
     * @param maxConnections  the embedded server's max_connections
     * @param fsync           the embedded server's fsync: on, a commit survives a power loss (each commit waits for
     *                        the disk); off (the embedded driver's own default) survives the death of the processes
     *                        (kill -9) but not of the machine
     * @param server          more server settings, by PostgreSQL's names with dashes for underscores ({@code
     *                        max-wal-size}), passed as {@code -c name=value} at
     *                        every start, so they apply to an existing data directory too); the defaults, for a
     *                        write-heavy node, are in {@code application.yml}
     * @param walPreallocate  WAL files to have ready at start-up ({@link WalPreallocation}): 0 (the default) leaves
     *                        the WAL as PostgreSQL grows it; a size (2GB for a node that takes rushes) raises {@code
     *                        min_wal_size} to it and writes what is missing once, so the node's first rush does not
     *                        create WAL segments while it commits. At most {@code max-wal-size}.
     */
    record Embedded(@DefaultValue("data/postgres") String dataDir, @DefaultValue("0") int port,
            @DefaultValue("200") int maxConnections, @DefaultValue("true") boolean fsync,
            Map<String, String> server, @DefaultValue("0B") DataSize walPreallocate) {

        Embedded {
            server = server == null ? Map.of() : Map.copyOf(server);
            walPreallocate = walPreallocate == null ? DataSize.ofBytes(0) : walPreallocate;
        }
    }
}
