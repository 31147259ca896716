package dev.paddock.timing;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Events, races and confirmed entrants written straight into the events schema, for timing tests. */
public final class TimingFixtures {

    private TimingFixtures() {
    }

    public static UUID race(JdbcClient jdbc, String name, int metres, Instant startsAt) {
        UUID event = UUID.randomUUID();
        jdbc.sql("""
                insert into events.events (id, slug, organizer_id, name, sport, venue, country, zone, starts_on, ends_on,
                    status, created_at)
                values (?, ?, ?, ?, 'RUNNING', 'Zürich', 'CH', 'Europe/Zurich', ?, ?, 'PUBLISHED', now())""")
                .params(event, "timing-" + event, UUID.randomUUID(), name, java.sql.Date.valueOf("2027-04-25"),
                        java.sql.Date.valueOf("2027-04-25"))
                .update();
        UUID race = UUID.randomUUID();
        jdbc.sql("""
                insert into events.races (id, event_id, code, name, distance_m, starts_at, capacity, registration_opens_at,
                    registration_closes_at, fields, created_at)
                values (?, ?, 'race', ?, ?, ?, 0, ?, ?, cast(? as jsonb), now())""")
                .params(race, event, name, metres, Timestamp.from(startsAt),
                        Timestamp.from(startsAt.minus(90, ChronoUnit.DAYS)), Timestamp.from(startsAt.minus(1, ChronoUnit.DAYS)),
                        "[{\"key\":\"club\",\"label\":\"Club\",\"type\":\"TEXT\",\"required\":false,\"visibility\":\"PUBLIC\"},"
                                + "{\"key\":\"phone\",\"label\":\"Emergency phone\",\"type\":\"TEXT\",\"required\":false,\"visibility\":\"PRIVATE\"}]")
                .update();
        return race;
    }

    static UUID team(JdbcClient jdbc, UUID race, String name) {
        UUID team = UUID.randomUUID();
        jdbc.sql("insert into events.teams (id, race_id, name, captain_account_id, join_code, created_at) values (?, ?, ?, ?, ?, now())")
                .params(team, race, name, UUID.randomUUID(), team.toString().replace("-", "").substring(0, 10).toUpperCase())
                .update();
        return team;
    }

    static void joins(JdbcClient jdbc, UUID registration, UUID team) {
        jdbc.sql("update events.registrations set team_id = ?, team_role = 'MEMBER' where id = ?").params(team, registration)
                .update();
    }

    public static UUID starter(JdbcClient jdbc, UUID race, int bib, String first, String last, String gender, String born,
            Map<String, String> publicAnswers) {
        UUID order = UUID.randomUUID();
        UUID buyer = UUID.randomUUID();
        UUID event = jdbc.sql("select event_id from events.races where id = ?").params(race).query(UUID.class).single();
        jdbc.sql("""
                insert into events.orders (id, account_id, event_id, request_id, status, payment_method, subtotal_cents,
                    total_cents, created_at)
                values (?, ?, ?, ?, 'PAID', 'FREE', 0, 0, now())""")
                .params(order, buyer, event, order.toString()).update();
        UUID registration = UUID.randomUUID();
        StringBuilder answers = new StringBuilder("{\"phone\":\"+41 79 000 00 00\"");
        publicAnswers.forEach((k, v) -> answers.append(",\"").append(k).append("\":\"").append(v).append('"'));
        answers.append('}');
        jdbc.sql("""
                insert into events.registrations (id, race_id, event_id, order_id, buyer_account_id, status, first_name,
                    last_name, gender, birth_date, nationality, email, answers, bib, created_at, confirmed_at)
                values (?, ?, ?, ?, ?, 'CONFIRMED', ?, ?, ?, cast(? as date), 'CH', ?, cast(? as jsonb), ?, now(), now())""")
                .params(registration, race, event, order, buyer, first, last, gender, born,
                        first.toLowerCase() + "@example.test", answers.toString(), bib)
                .update();
        return registration;
    }
}
