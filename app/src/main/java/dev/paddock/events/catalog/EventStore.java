package dev.paddock.events.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The events table. Edits are conditional on the version read, so a stale edit changes nothing. */
@Repository("catalogEventStore")
class EventStore {

    private static final TypeReference<List<RefundStep>> REFUNDS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    EventStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void insert(UUID id, String slug, UUID organizerId, EventDetails d, Instant now) {
        jdbc.sql("""
                insert into events.events (id, slug, organizer_id, name, sport, description, venue, region, country,
                    zone, starts_on, ends_on, status, refund_policy, transfer_deadline, transfer_fee_cents, created_at)
                values (:id, :slug, :organizer, :name, :sport, :description, :venue, :region, :country, :zone,
                    :startsOn, :endsOn, 'DRAFT', cast(:refunds as jsonb), :transferDeadline, :fee, :now)""")
                .param("id", id).param("slug", slug).param("organizer", organizerId).params(columns(d))
                .param("now", Timestamp.from(now)).update();
    }

    /** False when {@code version} is not the stored one. */
    boolean update(UUID id, long version, EventDetails d) {
        return jdbc.sql("""
                update events.events set name = :name, sport = :sport, description = :description, venue = :venue,
                    region = :region, country = :country, zone = :zone, starts_on = :startsOn, ends_on = :endsOn,
                    refund_policy = cast(:refunds as jsonb), transfer_deadline = :transferDeadline,
                    transfer_fee_cents = :fee, version = version + 1
                where id = :id and version = :version""")
                .param("id", id).param("version", version).params(columns(d)).update() == 1;
    }

    boolean setStatus(UUID id, StoredEvent.Status from, StoredEvent.Status to) {
        return jdbc.sql("update events.events set status = :to, version = version + 1 where id = :id and status = :from")
                .param("id", id).param("from", from.name()).param("to", to.name()).update() == 1;
    }

    /** Locks the event row for the rest of the transaction (edits of its races serialize on it). */
    Optional<StoredEvent> lock(UUID id) {
        return jdbc.sql("select * from events.events where id = :id for update").param("id", id).query(this::row).optional();
    }

    Optional<StoredEvent> byId(UUID id) {
        return jdbc.sql("select * from events.events where id = :id").param("id", id).query(this::row).optional();
    }

    Optional<StoredEvent> bySlug(String slug) {
        return jdbc.sql("select * from events.events where slug = :slug").param("slug", slug).query(this::row).optional();
    }

    boolean slugTaken(String slug) {
        return jdbc.sql("select exists (select 1 from events.events where slug = :slug)").param("slug", slug)
                .query(Boolean.class).single();
    }

    /** The organizer's events, or every event when {@code organizerId} is null; latest first. */
    List<StoredEvent> of(UUID organizerId) {
        return jdbc.sql("""
                select * from events.events where (cast(:organizer as uuid) is null or organizer_id = :organizer)
                order by starts_on desc, name limit 500""")
                .param("organizer", organizerId).query(this::row).list();
    }

    List<StoredEvent> search(EventSearch search, Instant now) {
        EventSearch.Condition condition = search.condition(now);
        return jdbc.sql("select e.* from events.events e where " + condition.sql()
                        + " order by e.starts_on, e.name limit :limit offset :offset")
                .params(condition.params()).param("limit", EventSearch.PAGE_SIZE + 1)
                .param("offset", search.page() * EventSearch.PAGE_SIZE).query(this::row).list();
    }

    private java.util.Map<String, Object> columns(EventDetails d) {
        var columns = new java.util.HashMap<String, Object>();
        columns.put("name", d.name());
        columns.put("sport", d.sport().name());
        columns.put("description", d.description());
        columns.put("venue", d.venue());
        columns.put("region", d.region());
        columns.put("country", d.country());
        columns.put("zone", d.zone().getId());
        columns.put("startsOn", d.startsOn());
        columns.put("endsOn", d.endsOn());
        columns.put("refunds", json.writeValueAsString(d.refundPolicy()));
        columns.put("transferDeadline", d.transferDeadline() == null ? null : Timestamp.from(d.transferDeadline()));
        columns.put("fee", d.transferFeeCents());
        return columns;
    }

    private StoredEvent row(ResultSet rs, int n) throws SQLException {
        Timestamp deadline = rs.getTimestamp("transfer_deadline");
        EventDetails details = new EventDetails(rs.getString("name"), EventDetails.Sport.valueOf(rs.getString("sport")),
                rs.getString("description"), rs.getString("venue"), rs.getString("region"), rs.getString("country"),
                ZoneId.of(rs.getString("zone")), rs.getObject("starts_on", java.time.LocalDate.class),
                rs.getObject("ends_on", java.time.LocalDate.class), json.readValue(rs.getString("refund_policy"), REFUNDS),
                deadline == null ? null : deadline.toInstant(), rs.getLong("transfer_fee_cents"));
        return new StoredEvent(rs.getObject("id", UUID.class), rs.getString("slug"), rs.getObject("organizer_id", UUID.class),
                details, StoredEvent.Status.valueOf(rs.getString("status")), rs.getLong("version"));
    }
}
