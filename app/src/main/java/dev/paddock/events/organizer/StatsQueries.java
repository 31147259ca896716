package dev.paddock.events.organizer;

import dev.paddock.events.organizer.AgeGroups.Cohort;
import dev.paddock.events.organizer.DashboardStats.RaceFill;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The dashboard's aggregates, one SQL query per breakdown over an event's registrations and orders. */
@Component
class StatsQueries {

    private final JdbcClient jdbc;

    StatsQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<RaceFill> fill(UUID eventId) {
        return jdbc.sql("""
                select r.id, r.code, r.name, r.capacity,
                    count(g.id) filter (where g.status = 'CONFIRMED') as confirmed,
                    count(g.id) filter (where g.status = 'OFFERED') as offered,
                    count(g.id) filter (where g.status = 'WAITLISTED') as waitlisted
                from events.races r left join events.registrations g on g.race_id = r.id
                where r.event_id = :event
                group by r.id order by r.starts_at, r.code""")
                .param("event", eventId)
                .query((rs, n) -> new RaceFill(rs.getObject("id", UUID.class), rs.getString("code"), rs.getString("name"),
                        rs.getInt("capacity"), rs.getLong("confirmed"), rs.getLong("offered"), rs.getLong("waitlisted"),
                        DashboardStats.rate(rs.getLong("confirmed"), rs.getInt("capacity"))))
                .list();
    }

    /** Orders count, paid and refunded cents. */
    long[] money(UUID eventId) {
        return jdbc.sql("""
                select count(*), coalesce(sum(total_cents), 0), coalesce(sum(refunded_cents), 0)
                from events.orders where event_id = :event""")
                .param("event", eventId).query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)}).single();
    }

    /** Confirmations per bucket start in the event's zone. */
    Map<LocalDateTime, Long> timeline(UUID eventId, ZoneId zone, Timeline.Unit unit) {
        Map<LocalDateTime, Long> counts = new LinkedHashMap<>();
        jdbc.sql("""
                select date_trunc(:unit, confirmed_at at time zone :zone) as bucket, count(*)
                from events.registrations
                where event_id = :event and status = 'CONFIRMED' and confirmed_at is not null
                group by 1 order by 1""")
                .param("unit", unit.name().toLowerCase()).param("zone", zone.getId()).param("event", eventId)
                .query(rs -> {
                    counts.put(rs.getTimestamp(1).toLocalDateTime(), rs.getLong(2));
                });
        return counts;
    }

    /** The first and last confirmation in the event's zone, or null when there is none. */
    LocalDateTime[] span(UUID eventId, ZoneId zone) {
        return jdbc.sql("""
                select min(confirmed_at at time zone :zone), max(confirmed_at at time zone :zone)
                from events.registrations where event_id = :event and status = 'CONFIRMED'""")
                .param("zone", zone.getId()).param("event", eventId)
                .query((rs, n) -> rs.getTimestamp(1) == null ? null
                        : new LocalDateTime[] {rs.getTimestamp(1).toLocalDateTime(), rs.getTimestamp(2).toLocalDateTime()})
                .optional().orElse(null);
    }

    List<Count> byColumn(UUID eventId, String column) {
        if (!List.of("gender", "nationality").contains(column)) {
            throw new IllegalArgumentException(column);
        }
        return jdbc.sql("""
                select %s, count(*) from events.registrations where event_id = :event and status = 'CONFIRMED'
                group by 1 order by 2 desc, 1""".formatted(column))
                .param("event", eventId).query((rs, n) -> new Count(rs.getString(1), rs.getLong(2))).list();
    }

    /** Confirmed registrations per answer of one custom field, read from the jsonb answers. */
    List<Count> byAnswer(UUID eventId, String key) {
        return jdbc.sql("""
                select answers ->> cast(:key as text), count(*) from events.registrations
                where event_id = :event and status = 'CONFIRMED' and answers ->> cast(:key as text) is not null
                group by 1 order by 2 desc, 1""")
                .param("key", key).param("event", eventId).query((rs, n) -> new Count(rs.getString(1), rs.getLong(2))).list();
    }

    List<Cohort> cohorts(UUID eventId) {
        return jdbc.sql("""
                select race_id, gender, birth_date, count(*) from events.registrations
                where event_id = :event and status = 'CONFIRMED' group by 1, 2, 3""")
                .param("event", eventId)
                .query((rs, n) -> new Cohort(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getObject(3, java.time.LocalDate.class), rs.getLong(4)))
                .list();
    }
}
