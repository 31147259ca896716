package dev.paddock.events.account;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** {@code events.registration_history}: every change of a registration, who made it and what changed. */
@Component
class History {

    /** @param actor the account that made the change, null for the system (an expired offer, a draw) */
    record Line(long id, Instant at, String kind, UUID actor, Map<String, Object> details) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;

    History(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void add(UUID registrationId, Instant at, String kind, UUID actor, Map<String, ?> details) {
        jdbc.sql("""
                        insert into events.registration_history (registration_id, at, kind, actor_account_id, details)
                        values (:reg, :at, :kind, :actor, cast(:details as jsonb))""")
                .param("reg", registrationId).param("at", java.sql.Timestamp.from(at)).param("kind", kind)
                .param("actor", actor).param("details", json.writeValueAsString(details)).update();
    }

    List<Line> of(UUID registrationId) {
        return jdbc.sql("""
                        select id, at, kind, actor_account_id, details::text from events.registration_history
                        where registration_id = :reg order by id""")
                .param("reg", registrationId)
                .query((rs, row) -> new Line(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
                        rs.getString(3), rs.getObject(4, UUID.class), read(rs.getString(5))))
                .list();
    }

    /** The change of this kind made with this client request id, if it was already made (a retry). */
    Optional<Line> byRequest(UUID registrationId, String kind, String requestId) {
        return of(registrationId).stream()
                .filter(line -> line.kind().equals(kind) && requestId.equals(line.details().get("requestId")))
                .findFirst();
    }

    private Map<String, Object> read(String text) {
        return json.readValue(text, new TypeReference<Map<String, Object>>() {
        });
    }
}
