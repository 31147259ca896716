package dev.paddock.events.registration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paddock.identity.AccountId;
import dev.paddock.wallet.LedgerChecks;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.json.JsonMapper;

/** An opening rush in miniature: never more confirmed than places, every buyer debited exactly once. */
@SpringBootTest
@ActiveProfiles("test")
class ConcurrentRegistrationIT {

    @Autowired
    RegistrationDesk desk;

    @Autowired
    RegistrationFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Test
    void threeHundredBuyersShareAHundredPlacesExactly() throws Exception {
        var race = fixtures.race().capacity(100).create();
        List<AccountId> buyers = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            buyers.add(fixtures.fundedAccount(10000));
        }
        CountDownLatch start = new CountDownLatch(1);
        List<Future<RegistrationAnswer>> answers = new ArrayList<>();
        try (var executor = Executors.newFixedThreadPool(16)) {
            for (int i = 0; i < buyers.size(); i++) {
                AccountId buyer = buyers.get(i);
                RegistrationRequests.Individual request = new RegistrationRequests.Individual("rush",
                        new Athlete("Runner", "N" + i, i % 2 == 0 ? "F" : "M", LocalDate.of(1985, 1, 1 + i % 28), "CH",
                                "runner" + i + "@example.com"),
                        json.readTree("{\"tshirt\":\"L\",\"consent\":true}"), null, null, "WALLET", true);
                answers.add(executor.submit(() -> {
                    start.await();
                    return desk.register(buyer, race.raceId, request);
                }));
            }
            start.countDown();
            int confirmed = 0;
            int waitlisted = 0;
            for (Future<RegistrationAnswer> answer : answers) {
                switch (answer.get().status()) {
                    case "CONFIRMED" -> confirmed++;
                    case "WAITLISTED" -> waitlisted++;
                    default -> throw new AssertionError(answer.get());
                }
            }
            assertThat(confirmed).isEqualTo(100);
            assertThat(waitlisted).isEqualTo(200);
        }
        assertThat(fixtures.count("select count(*) from events.registrations where race_id = ? and status = 'CONFIRMED'",
                race.raceId)).isEqualTo(100);
        assertThat(fixtures.count("select count(*) from events.places where race_id = ? and registration_id is not null",
                race.raceId)).isEqualTo(100);
        assertThat(fixtures.count("select count(distinct waitlist_position) from events.registrations"
                + " where race_id = ? and status = 'WAITLISTED'", race.raceId)).isEqualTo(200);
        LedgerChecks ledger = new LedgerChecks(jdbc);
        int paid = 0;
        for (AccountId buyer : buyers) {
            long orders = fixtures.count("select count(*) from events.orders where account_id = ?", buyer.value());
            assertThat(orders).isLessThanOrEqualTo(1);
            ledger.assertConsistent(buyer, 10000 - 9500 * orders);
            paid += (int) orders;
        }
        assertThat(paid).isEqualTo(100);
    }
}
