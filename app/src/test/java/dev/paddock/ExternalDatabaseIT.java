package dev.paddock;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * With {@code paddock.db.url} set, Paddock runs on that server instead of starting its own, and nothing
 * else changes: migrations run per module, demo data is loaded on the first start only, and a restart
 * finds everything where it was.
 */
class ExternalDatabaseIT {

    private static EmbeddedPostgres server;

    @BeforeAll
    static void startAnotherServer() throws Exception {
        server = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stopIt() throws Exception {
        server.close();
    }

    @Test
    void runsOnTheConfiguredServerAndLoadsDemoDataOnce() {
        String url = server.getJdbcUrl("postgres", "postgres");
        for (int start = 1; start <= 2; start++) {
            try (ConfigurableApplicationContext app = start(url)) {
                HikariDataSource pool = (HikariDataSource) app.getBean(DataSource.class);
                assertThat(pool.getJdbcUrl()).isEqualTo(url);
                assertThat(pool.getMaximumPoolSize()).isEqualTo(7);

                JdbcClient jdbc = JdbcClient.create(pool);
                List<String> schemas = jdbc.sql("select schema_name from information_schema.schemata").query(
                        String.class).list();
                assertThat(schemas).contains("identity", "audit", "mail", "wallet");
                assertThat(jdbc.sql("select count(*) from identity.accounts where email like '%@paddock.dev'")
                        .query(Long.class).single()).isEqualTo(5);
                assertThat(jdbc.sql("""
                        select l.balance_cents from wallet.ledger_accounts l
                        join identity.accounts a on l.owner_account = a.id where a.email = 'customer@paddock.dev'""")
                        .query(Long.class).single()).isEqualTo(100_00);
            }
        }
    }

    private static ConfigurableApplicationContext start(String url) {
        return new SpringApplicationBuilder(PaddockApplication.class).run(
                "--paddock.db.url=" + url, "--paddock.db.username=postgres", "--paddock.db.password=",
                "--paddock.db.pool-size=7", "--paddock.demo-data=true", "--server.port=0",
                "--spring.main.banner-mode=off");
    }
}
