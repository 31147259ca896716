package dev.paddock.events.registration;

import dev.paddock.events.places.Places;
import dev.paddock.identity.AccountId;
import dev.paddock.shared.Money;
import dev.paddock.wallet.IdempotencyKey;
import dev.paddock.wallet.Wallets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Events and races written straight to the schema, as the catalog part would store them, so registration
 * tests do not depend on the catalog's API.
 */
@Component
public class RegistrationFixtures {

    static final String FIELDS = """
            [{"key":"club","label":"Club","type":"TEXT","required":false,"visibility":"PUBLIC"},
             {"key":"tshirt","label":"T-shirt","type":"CHOICE","required":true,"visibility":"PRIVATE",
              "options":["S","M","L"]},
             {"key":"consent","label":"Rules accepted","type":"CONSENT","required":true,"visibility":"PRIVATE"}]""";

    private final JdbcClient jdbc;
    private final Places places;
    private final Wallets wallets;
    private final TransactionTemplate transaction;

    RegistrationFixtures(JdbcClient jdbc, Places places, Wallets wallets, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.places = places;
        this.wallets = wallets;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** A race being set up; {@link #create} stores it. */
    public final class Race {
        UUID organizer = UUID.randomUUID();
        int capacity = 10;
        String mode = "FIRST_COME";
        String registration = "SCHEDULED";
        Instant opensAt = Instant.now().minus(1, ChronoUnit.DAYS);
        Instant closesAt = Instant.now().plus(20, ChronoUnit.DAYS);
        Integer minAge = 18;
        long priceCents = 9500;
        String fields = FIELDS;
        Integer teamMin;
        Integer teamMax;
        int substitutes;
        String genderRule = "ANY";
        UUID eventId;
        public UUID raceId;
        public String slug;
        public String code = "marathon";

        Race capacity(int value) {
            capacity = value;
            return this;
        }

        Race lottery() {
            mode = "LOTTERY";
            return this;
        }

        Race price(long cents) {
            priceCents = cents;
            return this;
        }

        public Race team(int min, int max, int subs, String rule) {
            teamMin = min;
            teamMax = max;
            substitutes = subs;
            genderRule = rule;
            code = "relay";
            return this;
        }

        Race closed() {
            registration = "CLOSED";
            return this;
        }

        public Race create() {
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            eventId = UUID.randomUUID();
            slug = "test-" + eventId.toString().substring(0, 13);
            jdbc.sql("""
                    insert into events.events (id, slug, organizer_id, name, sport, venue, country, zone, starts_on,
                        ends_on, status, created_at)
                    values (?, ?, ?, 'Test Marathon', 'RUNNING', 'Zürich', 'CH', 'Europe/Zurich', current_date + 30,
                        current_date + 30, 'PUBLISHED', ?)""")
                    .params(eventId, slug, organizer, Timestamp.from(now)).update();
            raceId = UUID.randomUUID();
            jdbc.sql("""
                    insert into events.races (id, event_id, code, name, distance_m, starts_at, capacity, mode,
                        registration, registration_opens_at, registration_closes_at, min_age, fields, team_min_size,
                        team_max_size, team_substitutes, team_gender_rule, bib_mode, created_at)
                    values (?, ?, ?, 'Marathon', 42195, ?, 0, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, 'AFTER_CLOSE', ?)""")
                    .params(raceId, eventId, code, Timestamp.from(now.plus(30, ChronoUnit.DAYS)), mode, registration,
                            Timestamp.from(opensAt), Timestamp.from(closesAt), minAge, fields, teamMin, teamMax,
                            substitutes, genderRule, Timestamp.from(now))
                    .update();
            if (priceCents > 0) {
                jdbc.sql("""
                        insert into events.price_tiers (id, race_id, name, starts_at, ends_at, price_cents)
                        values (?, ?, 'regular', ?, ?, ?)""")
                        .params(UUID.randomUUID(), raceId, Timestamp.from(now.minus(10, ChronoUnit.DAYS)),
                                Timestamp.from(now.plus(20, ChronoUnit.DAYS)), priceCents).update();
            }
            transaction.executeWithoutResult(status -> places.resize(raceId, capacity));
            return this;
        }
    }

    public Race race() {
        return new Race();
    }

    void promo(UUID eventId, String code, String kind, Long valueCents, Integer percent, Integer maxUses,
            boolean firstTimeOnly) {
        jdbc.sql("""
                insert into events.promo_codes (id, event_id, code, kind, value_cents, percent, max_uses,
                    first_time_only, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, now())""")
                .params(UUID.randomUUID(), eventId, code, kind, valueCents, percent, maxUses, firstTimeOnly).update();
    }

    AccountId fundedAccount(long cents) {
        AccountId account = AccountId.of(UUID.randomUUID().toString());
        fund(account, cents);
        return account;
    }

    public void fund(AccountId account, long cents) {
        wallets.deposit(account, Money.ofCents(cents), IdempotencyKey.of("test:" + UUID.randomUUID()));
    }

    public long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }
}
