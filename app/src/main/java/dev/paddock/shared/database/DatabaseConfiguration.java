package dev.paddock.shared.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "The embedded PostgreSQL did not start; set PADDOCK_DB_URL to use an external server instead", e);
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
