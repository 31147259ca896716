package dev.paddock.events.catalog;

import dev.paddock.events.rules.AgeCategories;
import dev.paddock.identity.Accounts;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A demo event that has already been run: the Greifensee half marathon on the last Saturday before start-up, with
 * 300 confirmed entrants holding bibs 1 to 300 (made-up names, written in bulk), so the timing part can give it
 * results. Created once: a restart finds its slug and adds nothing.
 */
@Component("catalogDemoPastEvent")
@Order(4)
@ConditionalOnBooleanProperty("paddock.demo-data")
class DemoPastEvent implements ApplicationRunner {

    /** The timing part's demo looks the race up by this slug. */
    static final String SLUG = "greifensee-lauf-demo";
    static final int ENTRANTS = 300;
    private static final Logger log = LoggerFactory.getLogger(DemoPastEvent.class);
    private static final ZoneId ZURICH = ZoneId.of("Europe/Zurich");
    private static final List<String> WOMEN = List.of("Anna", "Laura", "Sarah", "Lea", "Julia", "Chloé", "Nina", "Mia",
            "Elena", "Sofia", "Martina", "Céline", "Noemi", "Lina", "Jana");
    private static final List<String> MEN = List.of("Luca", "Noah", "David", "Jonas", "Marco", "Simon", "Lukas",
            "Thomas", "Nicolas", "Reto", "Daniel", "Beat", "Yannick", "Samuel", "Matthias");
    private static final List<String> SURNAMES = List.of("Müller", "Meier", "Schmid", "Keller", "Weber", "Huber",
            "Schneider", "Meyer", "Steiner", "Fischer", "Gerber", "Brunner", "Baumann", "Frei", "Zimmermann", "Moser",
            "Favre", "Rochat", "Bianchi", "Rossi");
    private static final List<String> CLUBS = List.of("LC Zürich", "TV Uster", "LV Winterthur", "STB Bern", "");

    private final EventSetup setup;
    private final EventStore events;
    private final Accounts accounts;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    DemoPastEvent(EventSetup setup, EventStore events, Accounts accounts, JdbcClient jdbc,
            PlatformTransactionManager transactions, Clock clock) {
        this.setup = setup;
        this.events = events;
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (events.slugTaken(SLUG)) {
            return;
        }
        accounts.findByEmail("organizer@paddock.dev").ifPresent(account -> transactions.executeWithoutResult(
                status -> create(new Organizer(account.id().value(), false))));
    }

    private void create(Organizer organizer) {
        LocalDate day = LocalDate.ofInstant(clock.instant(), ZURICH).minusDays(1)
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.SATURDAY));
        StoredEvent event = setup.createEvent(organizer, SLUG, new EventDetails("Greifensee-Lauf (demo results)",
                EventDetails.Sport.RUNNING, "A half marathon around the lake, already run: its results are live on the"
                + " results pages.", "Uster, Seestrasse", "ZH", "CH", ZURICH, day, day, List.of(), null, 0));
        Instant start = day.atTime(14, 0).atZone(ZURICH).toInstant();
        Instant opens = start.minus(Duration.ofDays(90));
        StoredRace race = setup.createRace(organizer, event.id(), new RaceSettings("half", "Half marathon", 21_097, 60, start,
                RaceSettings.Mode.FIRST_COME, opens, start.minus(Duration.ofDays(2)), 16, null, null,
                RaceSettings.BibMode.AT_PAYMENT, 48, List.of(), AgeCategories.Basis.AGE_ON_RACE_DAY), ENTRANTS,
                List.of(new dev.paddock.events.fields.FieldDefinition("club", "Club",
                        dev.paddock.events.fields.FieldDefinition.FieldType.TEXT, false,
                        dev.paddock.events.fields.FieldDefinition.Visibility.PUBLIC, List.of(), null, null, 80)),
                List.of(new PriceTier("Regular", opens, start.minus(Duration.ofDays(2)), 0)));
        setup.publish(organizer, event.id());
        entrants(organizer.accountId(), event.id(), race.id(), opens.plus(Duration.ofDays(1)));
        log.info("Demo past event /events/{} created with {} entrants", SLUG, ENTRANTS);
    }

    /** One free order and {@link #ENTRANTS} confirmed registrations in one statement, each holding a place. */
    private void entrants(UUID organizer, UUID event, UUID race, Instant at) {
        UUID order = UUID.randomUUID();
        jdbc.sql("""
                insert into events.orders (id, account_id, event_id, request_id, status, payment_method, subtotal_cents,
                    total_cents, created_at)
                values (?, ?, ?, ?, 'PAID', 'FREE', 0, 0, ?)""")
                .params(order, organizer, event, "demo-" + order, java.sql.Timestamp.from(at)).update();
        Random random = new Random(2026);
        String[] first = new String[ENTRANTS];
        String[] last = new String[ENTRANTS];
        String[] gender = new String[ENTRANTS];
        String[] born = new String[ENTRANTS];
        String[] answers = new String[ENTRANTS];
        for (int i = 0; i < ENTRANTS; i++) {
            boolean woman = random.nextInt(100) < 42;
            gender[i] = woman ? "F" : "M";
            first[i] = (woman ? WOMEN : MEN).get(random.nextInt(15));
            last[i] = SURNAMES.get(random.nextInt(SURNAMES.size()));
            born[i] = LocalDate.of(1950 + random.nextInt(55), 1 + random.nextInt(12), 1 + random.nextInt(28)).toString();
            String club = CLUBS.get(random.nextInt(CLUBS.size()));
            answers[i] = club.isEmpty() ? "{}" : "{\"club\":\"" + club + "\"}";
        }
        jdbc.sql("""
                insert into events.registrations (id, race_id, event_id, order_id, buyer_account_id, status, first_name,
                    last_name, gender, birth_date, nationality, email, answers, bib, created_at, confirmed_at)
                select gen_random_uuid(), :race, :event, :order, :buyer, 'CONFIRMED', f, l, g, cast(b as date),
                    case when n % 7 = 0 then 'DE' when n % 11 = 0 then 'FR' else 'CH' end,
                    'demo-runner-' || n || '@example.test', cast(a as jsonb), n, :at, :at
                from unnest(cast(:first as text[]), cast(:last as text[]), cast(:gender as text[]), cast(:born as text[]),
                    cast(:answers as text[])) with ordinality as e(f, l, g, b, a, n)""")
                .param("race", race).param("event", event).param("order", order).param("buyer", organizer)
                .param("at", java.sql.Timestamp.from(at)).param("first", first).param("last", last)
                .param("gender", gender).param("born", born).param("answers", answers).update();
        jdbc.sql("""
                update events.places p set registration_id = g.id
                from events.registrations g where g.race_id = :race and p.race_id = :race and p.number = g.bib""")
                .param("race", race).update();
    }
}
