package dev.paddock.audit.trail;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The read side of the audit log: newest first, optionally one type and/or one account (as actor or subject). */
@Component
class AuditTrail {

    static final int PAGE_SIZE = 50;

    private final JdbcClient jdbc;
    private final JsonMapper json;

    AuditTrail(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    AuditPage page(String type, UUID account, int page) {
        String where = """
                where (cast(:type as varchar) is null or type = :type)
                  and (cast(:account as uuid) is null or actor = :account or subject = :account)""";
        List<Row> rows = jdbc.sql("select id, at, type, actor, subject, ip, details from audit.entries " + where
                        + " order by at desc, id desc limit :limit offset :offset")
                .param("type", type).param("account", account)
                .param("limit", PAGE_SIZE).param("offset", (long) page * PAGE_SIZE)
                .query(this::row).list();
        long total = jdbc.sql("select count(*) from audit.entries " + where)
                .param("type", type).param("account", account).query(Long.class).single();
        return new AuditPage(rows, page, PAGE_SIZE, total);
    }

    private Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getLong("id"), rs.getTimestamp("at").toInstant(), rs.getString("type"),
                rs.getObject("actor", UUID.class), rs.getObject("subject", UUID.class), rs.getString("ip"),
                json.readValue(rs.getString("details"), new TypeReference<Map<String, Object>>() { }));
    }

    record Row(long id, Instant at, String type, UUID actor, UUID subject, String ip, Map<String, Object> details) {
    }

    record AuditPage(List<Row> items, int page, int size, long total) {

        public boolean hasPrevious() {
            return page > 0;
        }

        public boolean hasNext() {
            return (long) (page + 1) * size < total;
        }
    }
}
