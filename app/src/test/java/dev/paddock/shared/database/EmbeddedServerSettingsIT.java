package dev.paddock.shared.database;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The embedded PostgreSQL runs with the server settings of the configuration ({@code paddock.db.embedded.server},
 * dashes for underscores), the test profile's overriding the defaults, and no setting can weaken a commit.
 */
@SpringBootTest(properties = {
        "paddock.db.embedded.server.checkpoint-completion-target=0.8",
        "paddock.db.embedded.server.synchronous-commit=off"})
@ActiveProfiles("test")
class EmbeddedServerSettingsIT {

    @Autowired
    JdbcClient jdbc;

    @Test
    void theServerRunsWithTheConfiguredSettings() {
        assertThat(show("checkpoint_completion_target")).isEqualTo("0.8");
        assertThat(show("checkpoint_timeout")).isEqualTo("5min");
        assertThat(show("shared_buffers")).isEqualTo("128MB");
        assertThat(show("max_wal_size")).isEqualTo("1GB");
    }

    @Test
    void noServerSettingTurnsSynchronousCommitOff() {
        assertThat(show("synchronous_commit")).isEqualTo("on");
    }

    private String show(String setting) {
        return jdbc.sql("select current_setting(?)").param(setting).query(String.class).single();
    }
}
