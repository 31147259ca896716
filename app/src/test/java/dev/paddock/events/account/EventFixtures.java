package dev.paddock.events.account;

import dev.paddock.events.places.Places;
import dev.paddock.identity.AccountId;
import dev.paddock.shared.Money;
import dev.paddock.wallet.IdempotencyKey;
import dev.paddock.wallet.Purpose;
import dev.paddock.wallet.Wallets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Events, races, orders and registrations written with SQL, as the catalog and registration parts would (they are
 * built alongside this part). A paid registration's money goes through the real wallet.
 */
@Component
class EventFixtures {

    private final JdbcClient jdbc;
    private final Places places;
    private final Wallets wallets;
    private final TransactionTemplate transaction;
    private final Clock clock;

    EventFixtures(JdbcClient jdbc, Places places, Wallets wallets, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.places = places;
        this.wallets = wallets;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** A published event whose first race starts {@code startsIn} from now, in Zurich. */
    UUID event(UUID organizer, Duration startsIn, String refundPolicy, Instant transferDeadline, long transferFeeCents) {
        UUID id = UUID.randomUUID();
        LocalDate day = LocalDate.ofInstant(clock.instant().plus(startsIn), java.time.ZoneId.of("Europe/Zurich"));
        jdbc.sql("""
                        insert into events.events (id, slug, organizer_id, name, sport, venue, country, zone, starts_on,
                            ends_on, status, refund_policy, transfer_deadline, transfer_fee_cents, created_at)
                        values (:id, :slug, :organizer, 'Test Marathon', 'RUNNING', 'Zürich', 'CH', 'Europe/Zurich',
                            :day, :day, 'PUBLISHED', cast(:policy as jsonb), :deadline, :fee, now())""")
                .param("id", id).param("slug", "t-" + id.toString().substring(0, 18)).param("organizer", organizer)
                .param("day", day).param("policy", refundPolicy)
                .param("deadline", transferDeadline == null ? null : Timestamp.from(transferDeadline))
                .param("fee", transferFeeCents).update();
        return id;
    }

    UUID race(UUID event, String code, Duration startsIn, int capacity, long priceCents, String mode) {
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        jdbc.sql("""
                        insert into events.races (id, event_id, code, name, distance_m, starts_at, capacity, mode,
                            registration, registration_opens_at, registration_closes_at, created_at)
                        values (:id, :event, :code, :code, 42195, :starts, 0, :mode, 'SCHEDULED', :opens, :closes, now())""")
                .param("id", id).param("event", event).param("code", code)
                .param("starts", Timestamp.from(now.plus(startsIn))).param("mode", mode)
                .param("opens", Timestamp.from(now.minus(Duration.ofDays(30))))
                .param("closes", Timestamp.from(now.plus(startsIn).minus(Duration.ofDays(1)))).update();
        jdbc.sql("""
                        insert into events.price_tiers (id, race_id, name, starts_at, ends_at, price_cents)
                        values (:id, :race, 'Regular', :from, :to, :price)""")
                .param("id", UUID.randomUUID()).param("race", id)
                .param("from", Timestamp.from(now.minus(Duration.ofDays(60))))
                .param("to", Timestamp.from(now.plus(startsIn))).param("price", priceCents).update();
        transaction.executeWithoutResult(status -> places.resize(id, capacity));
        return id;
    }

    /** A CONFIRMED registration bought by {@code buyer}, its price debited from the buyer's wallet. */
    UUID paid(UUID race, AccountId buyer, String lastName, long priceCents) {
        return transaction.execute(status -> {
            UUID event = eventOf(race);
            UUID order = UUID.randomUUID();
            jdbc.sql("""
                            insert into events.orders (id, account_id, event_id, request_id, status, payment_method,
                                subtotal_cents, total_cents, created_at)
                            values (:id, :account, :event, :request, 'PAID', 'WALLET', :price, :price, now())""")
                    .param("id", order).param("account", buyer.value()).param("event", event)
                    .param("request", order.toString()).param("price", priceCents).update();
            UUID registration = insert(race, event, order, buyer, lastName, "CONFIRMED", priceCents, null);
            if (!places.claim(race, java.util.List.of(registration))) {
                throw new IllegalStateException("race full");
            }
            if (priceCents > 0) {
                wallets.debit(buyer, Money.ofCents(priceCents), Purpose.purchase("events", order),
                        IdempotencyKey.of("events:order:" + order));
            }
            return registration;
        });
    }

    /** A WAITLISTED registration at the end of the race's waitlist. */
    UUID waitlisted(UUID race, AccountId account, String lastName) {
        return transaction.execute(status -> {
            long position = jdbc.sql("select coalesce(max(waitlist_position), 0) + 1 from events.registrations where race_id = :race")
                    .param("race", race).query(Long.class).single();
            return insert(race, eventOf(race), null, account, lastName, "WAITLISTED", 0, position);
        });
    }

    /** An ENTERED lottery entry, optionally in a team. */
    UUID entered(UUID race, AccountId account, String lastName, UUID team) {
        UUID id = insert(race, eventOf(race), null, account, lastName, "ENTERED", 0, null);
        if (team != null) {
            jdbc.sql("update events.registrations set team_id = :team, team_role = 'MEMBER' where id = :id")
                    .param("team", team).param("id", id).update();
        }
        return id;
    }

    UUID team(UUID race, AccountId captain, String name) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into events.teams (id, race_id, name, captain_account_id, join_code, created_at)
                        values (:id, :race, :name, :captain, :code, now())""")
                .param("id", id).param("race", race).param("name", name).param("captain", captain.value())
                .param("code", id.toString().replace("-", "").substring(0, 10).toUpperCase()).update();
        return id;
    }

    void resize(UUID race, int capacity) {
        transaction.executeWithoutResult(status -> places.resize(race, capacity));
    }

    /** Any other account id, for registrations whose buyer does not matter. */
    AccountId otherBuyer() {
        return AccountId.random();
    }

    void fund(AccountId account, long cents) {
        wallets.deposit(account, Money.ofCents(cents), IdempotencyKey.of("test:fund:" + UUID.randomUUID()));
    }

    long balance(AccountId account) {
        return wallets.wallet(account).balance().cents();
    }

    String status(UUID registration) {
        return jdbc.sql("select status from events.registrations where id = :id").param("id", registration)
                .query(String.class).single();
    }

    UUID raceOf(UUID registration) {
        return jdbc.sql("select race_id from events.registrations where id = :id").param("id", registration)
                .query(UUID.class).single();
    }

    long held(UUID race) {
        return jdbc.sql("select count(*) from events.places where race_id = :race and registration_id is not null")
                .param("race", race).query(Long.class).single();
    }

    boolean holdsPlace(UUID registration) {
        return jdbc.sql("select count(*) from events.places where registration_id = :id").param("id", registration)
                .query(Long.class).single() == 1;
    }

    java.util.List<String> history(UUID registration) {
        return jdbc.sql("select kind from events.registration_history where registration_id = :id order by id")
                .param("id", registration).query(String.class).list();
    }

    private UUID eventOf(UUID race) {
        return jdbc.sql("select event_id from events.races where id = :race").param("race", race).query(UUID.class).single();
    }

    private UUID insert(UUID race, UUID event, UUID order, AccountId account, String lastName, String status,
            long priceCents, Long position) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into events.registrations (id, race_id, event_id, order_id, account_id, buyer_account_id,
                            status, first_name, last_name, gender, birth_date, nationality, email, price_cents,
                            waitlist_position, created_at, confirmed_at)
                        values (:id, :race, :event, :order, :account, :account, :status, 'Alex', :last, 'F', '1990-05-31',
                            'CH', :email, :price, :position, :at, case when :status = 'CONFIRMED' then now() end)""")
                .param("id", id).param("race", race).param("event", event).param("order", order)
                .param("account", account.value()).param("status", status).param("last", lastName)
                .param("email", "a-" + id + "@example.test").param("price", priceCents).param("position", position)
                .param("at", Timestamp.from(clock.instant().truncatedTo(ChronoUnit.MICROS))).update();
        return id;
    }
}
