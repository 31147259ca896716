package dev.paddock.events.organizer;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * An event's registrations for its organizer: a page of a search, or every row one by one for an export.
 * Custom field values are read out of the jsonb answers in SQL, only those asked for, so a public export
 * never even reads a private answer.
 */
@Component
class Participants {

    static final int PAGE_SIZE = 50;
    private static final int FETCH_SIZE = 500;

    private final JdbcClient jdbc;

    Participants(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Page(List<Participant> items, long total, int page, int size) {

        public int pages() {
            return (int) Math.max(1, (total + size - 1) / size);
        }
    }

    Page page(ParticipantFilter filter, List<String> answerKeys, int page) {
        Map<String, Object> params = new HashMap<>();
        String where = where(filter, params);
        long total = jdbc.sql("select count(*) from events.registrations g where " + where).params(params)
                .query(Long.class).single();
        params.put("limit", PAGE_SIZE);
        params.put("offset", (long) Math.max(0, page) * PAGE_SIZE);
        List<Participant> items = jdbc.sql(select(answerKeys, params) + " where " + where + ORDER + " limit :limit offset :offset")
                .params(params).query((rs, n) -> participant(rs, answerKeys.size())).list();
        return new Page(items, total, Math.max(0, page), PAGE_SIZE);
    }

    /** Every matching row in list order, fetched in batches (the caller runs it in a transaction). */
    void each(ParticipantFilter filter, List<String> answerKeys, Consumer<Participant> row) {
        Map<String, Object> params = new HashMap<>();
        String where = where(filter, params);
        jdbc.sql(select(answerKeys, params) + " where " + where + ORDER).params(params).withFetchSize(FETCH_SIZE)
                .query(rs -> {
                    row.accept(participant(rs, answerKeys.size()));
                });
    }

    private static final String ORDER = " order by r.starts_at, r.code, g.bib nulls last, lower(g.last_name), lower(g.first_name), g.id";

    private static String select(List<String> answerKeys, Map<String, Object> params) {
        StringBuilder sql = new StringBuilder("""
                select g.id, g.race_id, r.code, g.status, g.bib, g.first_name, g.last_name, g.gender, g.birth_date,
                    g.nationality, g.email, t.name as team_name, g.team_role, g.predicted_seconds, g.confirmed_at,
                    g.price_cents,
                    (select b.wave from events.bib_numbers n join events.bib_ranges b on b.id = n.range_id
                     where n.registration_id = g.id) as wave""");
        for (int i = 0; i < answerKeys.size(); i++) {
            sql.append(", g.answers ->> cast(:k").append(i).append(" as text) as a").append(i);
            params.put("k" + i, answerKeys.get(i));
        }
        return sql.append("""

                from events.registrations g join events.races r on r.id = g.race_id
                left join events.teams t on t.id = g.team_id""").toString();
    }

    private static String where(ParticipantFilter filter, Map<String, Object> params) {
        StringBuilder where = new StringBuilder("g.event_id = :event");
        params.put("event", filter.eventId());
        if (filter.raceId() != null) {
            where.append(" and g.race_id = :race");
            params.put("race", filter.raceId());
        }
        if (filter.status() != null) {
            where.append(" and g.status = :status");
            params.put("status", filter.status());
        }
        if (filter.query() != null) {
            String like = "%" + filter.query().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_") + "%";
            where.append(" and (lower(g.first_name || ' ' || g.last_name) like :like or lower(g.last_name || ' ' || g.first_name) like :like or lower(g.email) like :like");
            params.put("like", like);
            if (filter.query().matches("\\d{1,9}")) {
                where.append(" or g.bib = :bib");
                params.put("bib", Integer.parseInt(filter.query()));
            }
            where.append(")");
        }
        return where.toString();
    }

    private static Participant participant(ResultSet rs, int answers) throws SQLException {
        List<String> values = new ArrayList<>(answers);
        for (int i = 0; i < answers; i++) {
            values.add(rs.getString("a" + i));
        }
        return new Participant(rs.getObject("id", UUID.class), rs.getObject("race_id", UUID.class), rs.getString("code"),
                rs.getString("status"), (Integer) rs.getObject("bib"), rs.getString("wave"), rs.getString("first_name"),
                rs.getString("last_name"), rs.getString("gender"), rs.getObject("birth_date", LocalDate.class),
                rs.getString("nationality"), rs.getString("email"), rs.getString("team_name"), rs.getString("team_role"),
                (Integer) rs.getObject("predicted_seconds"),
                rs.getTimestamp("confirmed_at") == null ? null : rs.getTimestamp("confirmed_at").toInstant(),
                rs.getLong("price_cents"), values);
    }
}
