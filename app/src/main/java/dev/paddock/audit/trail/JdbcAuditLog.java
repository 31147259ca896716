package dev.paddock.audit.trail;

import dev.paddock.audit.AuditEntry;
import dev.paddock.audit.AuditLog;
import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Writes entries to {@code audit.entries} through the caller's connection, hence its transaction. */
@Component
class JdbcAuditLog implements AuditLog {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    JdbcAuditLog(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public void record(AuditEntry entry) {
        jdbc.sql("""
                insert into audit.entries (at, type, actor, subject, ip, details)
                values (:at, :type, :actor, :subject, :ip, cast(:details as jsonb))""")
                .param("at", Timestamp.from(clock.instant()))
                .param("type", entry.type())
                .param("actor", entry.actor())
                .param("subject", entry.subject())
                .param("ip", entry.ip())
                .param("details", json.writeValueAsString(entry.details()))
                .update();
    }
}
