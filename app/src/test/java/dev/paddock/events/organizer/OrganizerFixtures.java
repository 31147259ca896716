package dev.paddock.events.organizer;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import dev.paddock.events.RegistrationConfirmed;
import dev.paddock.events.RegistrationsConfirmed;
import dev.paddock.events.places.Places;
import dev.paddock.identity.AccountId;
import dev.paddock.identity.security.AccountPrincipal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Events, races, orders and registrations written with SQL as the catalog and registration parts write
 * them, so the organizer part is tested on its own.
 */
@Component
class OrganizerFixtures {

    static final String FIELDS = """
            [{"key":"club","label":"Club","type":"TEXT","required":false,"visibility":"PUBLIC","options":[]},
             {"key":"tshirt","label":"T-shirt","type":"CHOICE","required":true,"visibility":"PRIVATE","options":["S","M","L"]},
             {"key":"emergency","label":"Emergency contact","type":"TEXT","required":true,"visibility":"PRIVATE","options":[]}]""";

    private final JdbcClient jdbc;
    private final Places places;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;

    OrganizerFixtures(JdbcClient jdbc, Places places, ApplicationEventPublisher events, PlatformTransactionManager tm) {
        this.jdbc = jdbc;
        this.places = places;
        this.events = events;
        this.transactions = new TransactionTemplate(tm);
    }

    /** A token of an organizer (or another role) as the API sees it. */
    static RequestPostProcessor api(UUID account, String role) {
        return jwt().jwt(j -> j.subject(account.toString()).claim("roles", List.of(role)))
                .authorities(new SimpleGrantedAuthority("ROLE_" + role));
    }

    /** A signed-in session of an organizer (or another role), as pages see it. */
    static RequestPostProcessor page(UUID account, String role) {
        return user(new AccountPrincipal(new AccountId(account), "x@y.z", "n/a", true, true,
                List.of(new SimpleGrantedAuthority("ROLE_" + role))));
    }

    UUID event(UUID organizer) {
        UUID event = UUID.randomUUID();
        jdbc.sql("""
                insert into events.events (id, slug, organizer_id, name, sport, venue, country, zone, starts_on,
                    ends_on, status, created_at)
                values (?, ?, ?, 'Test marathon', 'RUNNING', 'Zürich', 'CH', 'Europe/Zurich', date '2027-04-18',
                    date '2027-04-18', 'PUBLISHED', now())""")
                .params(event, "test-" + event, organizer).update();
        return event;
    }

    UUID race(UUID event, String code, int capacity, String bibMode) {
        UUID race = UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        jdbc.sql("""
                insert into events.races (id, event_id, code, name, distance_m, starts_at, capacity, registration,
                    registration_opens_at, registration_closes_at, fields, bib_mode, created_at)
                values (?, ?, ?, ?, 42195, timestamptz '2027-04-18 08:30:00+02', 0, 'OPEN', ?, ?, ?::jsonb, ?, now())""")
                .params(race, event, code, "Race " + code, Timestamp.from(now.minus(1, ChronoUnit.DAYS)),
                        Timestamp.from(now.plus(100, ChronoUnit.DAYS)), FIELDS, bibMode)
                .update();
        inTransaction(() -> places.resize(race, capacity));
        return race;
    }

    UUID order(UUID event, long totalCents, long refundedCents, Instant at) {
        UUID order = UUID.randomUUID();
        jdbc.sql("""
                insert into events.orders (id, account_id, event_id, request_id, status, payment_method,
                    subtotal_cents, total_cents, refunded_cents, created_at)
                values (?, ?, ?, ?, ?, 'WALLET', ?, ?, ?, ?)""")
                .params(order, UUID.randomUUID(), event, order.toString(), refundedCents == 0 ? "PAID" : "PARTLY_REFUNDED",
                        totalCents, totalCents, refundedCents, Timestamp.from(at))
                .update();
        return order;
    }

    /** A person to register; answers as a JSON object. */
    record Athlete(String firstName, String lastName, String gender, LocalDate birthDate, String nationality,
            String answers, Integer predictedSeconds) {

        static Athlete named(String firstName, String lastName) {
            return new Athlete(firstName, lastName, "F", LocalDate.of(1990, 1, 1), "CH",
                    "{\"club\":\"LC Zürich\",\"tshirt\":\"M\",\"emergency\":\"+41 79 000 00 00\"}", null);
        }
    }

    /** A registration in the given status; CONFIRMED ones take a place and need an order. */
    UUID registration(UUID race, String status, UUID order, UUID team, Athlete athlete, Instant confirmedAt) {
        UUID id = UUID.randomUUID();
        UUID event = jdbc.sql("select event_id from events.races where id = ?").params(race).query(UUID.class).single();
        jdbc.sql("""
                insert into events.registrations (id, race_id, event_id, order_id, buyer_account_id, team_id, team_role,
                    status, first_name, last_name, gender, birth_date, nationality, email, answers, predicted_seconds,
                    created_at, confirmed_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)""")
                .params(id, race, event, order, UUID.randomUUID(), team, team == null ? null : "MEMBER", status,
                        athlete.firstName(), athlete.lastName(), athlete.gender(), athlete.birthDate(),
                        athlete.nationality(), (athlete.firstName() + "." + athlete.lastName()).toLowerCase().replaceAll("[^a-z.]", "") + "@example.test",
                        athlete.answers(), athlete.predictedSeconds(),
                        Timestamp.from(confirmedAt == null ? Instant.now() : confirmedAt),
                        confirmedAt == null ? null : Timestamp.from(confirmedAt))
                .update();
        if (status.equals("CONFIRMED") || status.equals("OFFERED")) {
            inTransaction(() -> places.claim(race, List.of(id)));
        }
        return id;
    }

    UUID team(UUID race, String name) {
        UUID team = UUID.randomUUID();
        jdbc.sql("insert into events.teams (id, race_id, name, captain_account_id, join_code, created_at) values (?, ?, ?, ?, ?, now())")
                .params(team, race, name, UUID.randomUUID(), "T" + team.toString().replace("-", "").substring(0, 9).toUpperCase())
                .update();
        return team;
    }

    /** Confirms athletes in one transaction as the registration part does, publishing RegistrationConfirmed. */
    List<UUID> confirm(UUID race, UUID team, List<Athlete> athletes) {
        return inTransaction(() -> {
            UUID event = jdbc.sql("select event_id from events.races where id = ?").params(race).query(UUID.class).single();
            UUID order = order(event, 5000L * athletes.size(), 0, Instant.now());
            List<UUID> ids = athletes.stream().map(a -> registration(race, "CONFIRMED", order, team, a, Instant.now())).toList();
            ids.forEach(id -> events.publishEvent(new RegistrationConfirmed(id, race, event, null, team, Instant.now())));
            return ids;
        });
    }

    /**
     * Confirms individual athletes in one transaction as the registration writer does: the batch event, then (with
     * {@code singles}) each one's.
     */
    List<UUID> confirmBatch(UUID race, List<Athlete> athletes, boolean singles) {
        return inTransaction(() -> {
            UUID event = jdbc.sql("select event_id from events.races where id = ?").params(race).query(UUID.class).single();
            UUID order = order(event, 5000L * athletes.size(), 0, Instant.now());
            List<UUID> ids = athletes.stream().map(a -> registration(race, "CONFIRMED", order, null, a, Instant.now())).toList();
            events.publishEvent(new RegistrationsConfirmed(race, event, ids, Instant.now()));
            if (singles) {
                ids.forEach(id -> events.publishEvent(new RegistrationConfirmed(id, race, event, null, null, Instant.now())));
            }
            return ids;
        });
    }

    Integer bib(UUID registration) {
        return jdbc.sql("select bib from events.registrations where id = ?").params(registration).query(Integer.class)
                .optional().orElse(null);
    }

    <T> T inTransaction(Supplier<T> work) {
        return transactions.execute(status -> work.get());
    }
}
