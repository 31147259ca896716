package dev.paddock.shared.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The system of record is PostgreSQL. With {@code paddock.db.url} set, Paddock uses that server; without
 * it, Paddock starts a real embedded PostgreSQL whose data lives under {@code paddock.db.embedded.data-dir}
 * and survives restarts, so a newcomer needs nothing but a JDK.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DatabaseProperties.class)
class DatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(DatabaseProperties properties) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("paddock");
        config.setMaximumPoolSize(properties.poolSize());
        if (properties.minimumIdle() >= 0) {
            config.setMinimumIdle(Math.min(properties.poolSize(), properties.minimumIdle()));
        }
        config.setConnectionTimeout(properties.connectionTimeout().toMillis());
        // uuid[] (oid 2951) in binary both ways, beside pgjdbc's own binary types: the writers' batches bind their
        // uuid columns as binary arrays (SqlArrays), and pgjdbc reads binary uuid arrays with its UUID assistant
        config.addDataSourceProperty("binaryTransferEnable", "2951");
        if (properties.external()) {
            config.setJdbcUrl(properties.url());
            config.setUsername(properties.username());
            config.setPassword(properties.password());
            return new HikariDataSource(config);
        }
        EmbeddedPostgres server = start(properties.embedded());
        config.setJdbcUrl(server.getJdbcUrl("postgres", "postgres"));
        config.setUsername("postgres");
        return new EmbeddedBackedDataSource(config, server);
    }

    private static EmbeddedPostgres start(DatabaseProperties.Embedded settings) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
            // PostgreSQL's names have underscores where the configuration's keys have dashes
            settings.server().forEach((name, value) -> builder.setServerConfig(name.replace('-', '_'), value));
            long preallocate = settings.walPreallocate().toBytes();
            if (preallocate > 0) {
                builder.setServerConfig("min_wal_size", WalPreallocation.minWalSize(preallocate, settings.server()));
            }
            // set last, so that no server setting can weaken a commit
            builder.setServerConfig("max_connections", String.valueOf(settings.maxConnections()))
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("fsync", settings.fsync() ? "on" : "off");
            if (settings.port() > 0) {
                builder.setPort(settings.port());
            }
            if (settings.dataDir() == null || settings.dataDir().isBlank()) {
                Path temporary = Files.createTempDirectory("paddock-pg-");
                builder.setDataDirectory(temporary).setCleanDataDirectory(true);
                log.info("Starting a throw-away embedded PostgreSQL in {}", temporary);
            } else {
                Path dir = Path.of(settings.dataDir()).toAbsolutePath();
                Files.createDirectories(dir);
                builder.setDataDirectory(dir).setCleanDataDirectory(false);
                log.info("Starting the embedded PostgreSQL with its data in {}", dir);
            }
            EmbeddedPostgres server = builder.start();
            if (preallocate > 0) {
                preallocateWal(server, preallocate);
            }
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "The embedded PostgreSQL did not start; set PADDOCK_DB_URL to use an external server instead", e);
        }
    }

    private static void preallocateWal(EmbeddedPostgres server, long preallocate) {
        long started = System.nanoTime();
        try {
            WalPreallocation.Outcome outcome = WalPreallocation.ensure(server.getPostgresDatabase(), preallocate);
            if (outcome.written() > 0) {
                log.info("Pre-allocated the WAL: {} MB written in {} ms; {} MB of WAL files ready (was {} MB)",
                        outcome.written(), (System.nanoTime() - started) / 1_000_000, outcome.after() >> 20,
                        outcome.before() >> 20);
            } else {
                log.info("The WAL is pre-allocated: {} MB of WAL files ready", outcome.after() >> 20);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The embedded PostgreSQL's WAL could not be pre-allocated", e);
        }
    }

    /** A Hikari pool that also stops the embedded server it reads from, after its connections are closed. */
    static final class EmbeddedBackedDataSource extends HikariDataSource {
        private final EmbeddedPostgres server;

        EmbeddedBackedDataSource(HikariConfig config, EmbeddedPostgres server) {
            super(config);
            this.server = server;
        }

        @Override
        public void close() {
            super.close();
            try {
                server.close();
            } catch (IOException e) {
                log.warn("The embedded PostgreSQL did not stop cleanly", e);
            }
        }
    }
}
