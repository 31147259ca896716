package dev.paddock.messaging.publications;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.EventPublication.Status;
import org.springframework.stereotype.Component;

/**
 * Reads Spring Modulith's {@code event_publication} table (created by Modulith, v2 layout) for operators.
 * Plain SQL rather than the registry's API: it lists rows whose event class no longer loads, pages
 * without deserializing every event, and counts by status in one query.
 */
@Component
class Publications {

    private static final String COLUMNS = "id, event_type, listener_id, publication_date, completion_date,"
            + " last_resubmission_date, coalesce(completion_attempts, 1) as attempts,"
            + " coalesce(status, case when completion_date is null then 'PUBLISHED' else 'COMPLETED' end) as state,"
            + " left(serialized_event, " + (PublicationView.PAYLOAD_PREVIEW + 1) + ") as payload";

    private final JdbcClient jdbc;

    Publications(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The newest first, at most {@code limit}; {@code since} bounds the completion date of completed ones. */
    List<PublicationView> find(PublicationQuery query, Instant since, int limit) {
        String sinceClause = since == null ? "" : " and (completion_date is null or completion_date >= :since)";
        JdbcClient.StatementSpec statement = jdbc.sql("select " + COLUMNS + " from event_publication where ("
                + query.where() + ")" + sinceClause + " order by publication_date desc limit :limit")
                .param("limit", limit);
        if (since != null) {
            statement = statement.param("since", Timestamp.from(since));
        }
        return statement.query(Publications::view).list();
    }

    Map<Status, Long> countByStatus() {
        Map<Status, Long> counts = new EnumMap<>(Status.class);
        for (Status status : Status.values()) {
            counts.put(status, 0L);
        }
        jdbc.sql("select coalesce(status, case when completion_date is null then 'PUBLISHED' else 'COMPLETED' end),"
                        + " count(*) from event_publication group by 1")
                .query((rs, row) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .list()
                .forEach(entry -> counts.merge(Status.valueOf(entry.getKey()), entry.getValue(), Long::sum));
        return counts;
    }

    private static PublicationView view(ResultSet rs, int row) throws SQLException {
        return new PublicationView(rs.getObject("id", UUID.class), rs.getString("event_type"),
                rs.getString("listener_id"), instant(rs, "publication_date"), instant(rs, "completion_date"),
                instant(rs, "last_resubmission_date"), rs.getInt("attempts"), rs.getString("state"),
                PublicationView.preview(rs.getString("payload")));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
