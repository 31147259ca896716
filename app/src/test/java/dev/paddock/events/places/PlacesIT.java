package dev.paddock.events.places;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Places on the real database: never more holders than places, whatever the concurrency. */
@SpringBootTest
@ActiveProfiles("test")
class PlacesIT {

    @Autowired
    Places places;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void twoHundredConcurrentBuyersShareFiftyPlacesExactly() throws Exception {
        UUID race = race(50);
        List<UUID> registrations = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            registrations.add(registration(race));
        }
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> claims = new ArrayList<>();
        try (var executor = Executors.newFixedThreadPool(16)) {
            for (UUID registration : registrations) {
                claims.add(executor.submit(() -> {
                    start.await();
                    return inTransaction(() -> places.claim(race, List.of(registration)));
                }));
            }
            start.countDown();
            int won = 0;
            for (Future<Boolean> claim : claims) {
                won += claim.get() ? 1 : 0;
            }
            assertThat(won).isEqualTo(50);
        }
        assertThat(held(race)).isEqualTo(50);
        assertThat(inTransaction(() -> places.free(race))).isZero();
    }

    @Test
    void aTeamGetsAllItsPlacesOrNone() {
        UUID race = race(4);
        List<UUID> team = List.of(registration(race), registration(race), registration(race));
        assertThat(inTransaction(() -> places.claim(race, team))).isTrue();
        List<UUID> second = List.of(registration(race), registration(race));
        assertThat(inTransaction(() -> places.claim(race, second))).isFalse();
        assertThat(held(race)).isEqualTo(3);
        assertThat(inTransaction(() -> places.claim(race, team))).as("claiming again takes nothing more").isTrue();
        assertThat(held(race)).isEqualTo(3);
    }

    @Test
    void aPlaceGivenBackCanBeTakenAgain() {
        UUID race = race(1);
        UUID first = registration(race);
        UUID second = registration(race);
        assertThat(inTransaction(() -> places.claim(race, List.of(first)))).isTrue();
        assertThat(inTransaction(() -> places.claim(race, List.of(second)))).isFalse();
        assertThat(inTransaction(() -> places.release(first))).isTrue();
        assertThat(inTransaction(() -> places.release(first))).isFalse();
        assertThat(inTransaction(() -> places.claim(race, List.of(second)))).isTrue();
    }

    @Test
    void aTransferTakesAPlaceInTheOtherRaceOnlyIfOneIsFree() {
        UUID marathon = race(1);
        UUID half = race(1);
        UUID runner = registration(marathon);
        UUID other = registration(half);
        inTransaction(() -> places.claim(marathon, List.of(runner)));
        inTransaction(() -> places.claim(half, List.of(other)));
        assertThat(inTransaction(() -> places.move(runner, half))).isFalse();
        assertThat(held(marathon)).isEqualTo(1);
        inTransaction(() -> places.release(other));
        assertThat(inTransaction(() -> places.move(runner, half))).isTrue();
        assertThat(held(marathon)).isZero();
        assertThat(held(half)).isEqualTo(1);
    }

    @Test
    void aCapacityIsNeverLoweredUnderItsHolders() {
        UUID race = race(3);
        UUID a = registration(race);
        UUID b = registration(race);
        inTransaction(() -> places.claim(race, List.of(a, b)));
        assertThat(inTransaction(() -> places.resize(race, 1))).isEqualTo(2);
        assertThat(inTransaction(() -> places.free(race))).isZero();
        assertThat(inTransaction(() -> places.resize(race, 5))).isEqualTo(5);
        assertThat(inTransaction(() -> places.free(race))).isEqualTo(3);
        assertThat(jdbc.sql("select capacity from events.races where id = ?").params(race).query(Integer.class)
                .single()).isEqualTo(5);
    }

    private <T> T inTransaction(java.util.function.Supplier<T> work) {
        return new TransactionTemplate(transactionManager).execute(status -> work.get());
    }

    private int held(UUID race) {
        return jdbc.sql("select count(*) from events.places where race_id = ? and registration_id is not null")
                .params(race).query(Integer.class).single();
    }

    private UUID race(int capacity) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        UUID event = UUID.randomUUID();
        jdbc.sql("""
                insert into events.events (id, slug, organizer_id, name, sport, venue, country, zone, starts_on,
                    ends_on, status, created_at)
                values (?, ?, ?, 'Test event', 'RUNNING', 'Zürich', 'CH', 'Europe/Zurich', current_date,
                    current_date, 'PUBLISHED', ?)""")
                .params(event, "test-" + event, UUID.randomUUID(), Timestamp.from(now)).update();
        UUID race = UUID.randomUUID();
        jdbc.sql("""
                insert into events.races (id, event_id, code, name, distance_m, starts_at, capacity,
                    registration_opens_at, registration_closes_at, created_at)
                values (?, ?, 'r', 'Race', 42195, ?, 0, ?, ?, ?)""")
                .params(race, event, Timestamp.from(now.plus(30, ChronoUnit.DAYS)), Timestamp.from(now),
                        Timestamp.from(now.plus(20, ChronoUnit.DAYS)), Timestamp.from(now))
                .update();
        inTransaction(() -> places.resize(race, capacity));
        return race;
    }

    /**
     * An OFFERED registration without a deadline: it may hold a place, and neither the waitlist's offers
     * (WAITLISTED only) nor the expiry of offers (a deadline passed) running in the background touch it.
     */
    private UUID registration(UUID race) {
        UUID id = UUID.randomUUID();
        UUID event = jdbc.sql("select event_id from events.races where id = ?").params(race).query(UUID.class).single();
        jdbc.sql("""
                insert into events.registrations (id, race_id, event_id, buyer_account_id, status, first_name,
                    last_name, gender, birth_date, nationality, email, created_at)
                values (?, ?, ?, ?, 'OFFERED', 'Ada', ?, 'F', date '1990-01-01', 'CH', 'ada@example.com', now())""")
                .params(id, race, event, UUID.randomUUID(), "Runner-" + id.toString().substring(0, 8)).update();
        return id;
    }
}
