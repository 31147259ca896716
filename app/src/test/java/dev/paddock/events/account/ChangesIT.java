package dev.paddock.events.account;

import static dev.paddock.identity.TestAccounts.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.paddock.events.PlaceFreed;
import dev.paddock.events.RegistrationCancelled;
import dev.paddock.identity.AccountId;
import dev.paddock.identity.TestAccounts;
import dev.paddock.identity.account.Account;
import dev.paddock.wallet.LedgerChecks;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Cancel, transfer and hand over through the API, with the wallet and the places checked on the database. */
@SpringBootTest
@ActiveProfiles("test")
@AutoConfigureMockMvc
@RecordApplicationEvents
class ChangesIT {

    private static final String POLICY = "[{\"daysBefore\":30,\"percent\":100},{\"daysBefore\":7,\"percent\":50}]";

    @Autowired
    MockMvc mvc;
    @Autowired
    TestAccounts accounts;
    @Autowired
    EventFixtures fixtures;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationEvents events;
    @Autowired
    Cancellation cancellation;

    LedgerChecks ledger;
    Account athlete;
    AccountId wallet;
    String token;

    @BeforeEach
    void athlete() throws Exception {
        ledger = new LedgerChecks(jdbc);
        athlete = accounts.create();
        wallet = athlete.id();
        token = accounts.accessToken(mvc, athlete);
        fixtures.fund(wallet, 100_00);
    }

    private ResultActions post(String path, String body) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path)
                .header(HttpHeaders.AUTHORIZATION, bearer(token)).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private UUID event(int startsInDays) {
        return fixtures.event(UUID.randomUUID(), Duration.ofDays(startsInDays), POLICY, null, 0);
    }

    /** An individual first-come race of 5 places starting in 40 days. */
    private UUID race(UUID event, String code, long priceCents) {
        return fixtures.race(event, code, Duration.ofDays(40), 5, priceCents, "FIRST_COME");
    }

    private void ledgerConsistent() {
        assertThat(ledger.storedBalance(wallet)).isEqualTo(ledger.sumOfPostings(wallet));
        assertThat(ledger.unbalancedEntries()).isZero();
    }

    @ParameterizedTest(name = "{0} days before: {1} cents back")
    @CsvSource({"60, 9500", "20, 4750", "3, 0"})
    void cancelRefundsUnderThePolicyOnceAndFreesThePlace(int daysBefore, long refund) throws Exception {
        UUID event = event(daysBefore);
        UUID race = fixtures.race(event, "marathon", Duration.ofDays(daysBefore), 10, 95_00, "FIRST_COME");
        UUID registration = fixtures.paid(race, wallet, "Cancel", 95_00);
        assertThat(fixtures.balance(wallet)).isEqualTo(5_00);

        post("/api/events/registrations/" + registration + "/cancel", "{\"requestId\":\"c1\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.registration.status").value("CANCELLED"))
                .andExpect(jsonPath("$.refundedCents").value(refund))
                .andExpect(jsonPath("$.replayed").value(false));
        post("/api/events/registrations/" + registration + "/cancel", "{\"requestId\":\"c1\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.replayed").value(true));

        assertThat(fixtures.balance(wallet)).isEqualTo(5_00 + refund);
        assertThat(fixtures.held(race)).isZero();
        assertThat(fixtures.history(registration)).containsExactlyElementsOf(
                refund > 0 ? List.of("CANCELLED", "REFUNDED") : List.of("CANCELLED"));
        assertThat(ledger.entriesWithKey("events:refund:cancel:" + registration)).isEqualTo(refund > 0 ? 1 : 0);
        assertThat(events.stream(RegistrationCancelled.class).map(RegistrationCancelled::registrationId))
                .containsExactly(registration);
        assertThat(events.stream(PlaceFreed.class).map(PlaceFreed::raceId)).containsExactly(race);
        ledgerConsistent();
    }

    @Test
    void transferUpPaysTheDifferenceAndTransferDownGetsItBack() throws Exception {
        UUID event = event(40);
        UUID half = race(event, "half", 60_00);
        UUID full = race(event, "marathon", 95_00);
        UUID registration = fixtures.paid(half, wallet, "Transfer", 60_00);
        assertThat(fixtures.balance(wallet)).isEqualTo(40_00);

        post("/api/events/registrations/" + registration + "/transfer",
                "{\"requestId\":\"t1\",\"toRaceId\":\"" + full + "\",\"payment\":\"WALLET\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.registration.raceCode").value("marathon"))
                .andExpect(jsonPath("$.registration.priceCents").value(95_00))
                .andExpect(jsonPath("$.chargedCents").value(35_00));
        post("/api/events/registrations/" + registration + "/transfer",
                "{\"requestId\":\"t1\",\"toRaceId\":\"" + full + "\",\"payment\":\"WALLET\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.replayed").value(true));
        post("/api/events/registrations/" + registration + "/transfer",
                "{\"requestId\":\"t1\",\"toRaceId\":\"" + half + "\"}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("https://paddock.dev/problems/request-id-reused"));
        assertThat(fixtures.balance(wallet)).isEqualTo(5_00);
        assertThat(fixtures.held(half)).isZero();
        assertThat(fixtures.held(full)).isEqualTo(1);

        post("/api/events/registrations/" + registration + "/transfer",
                "{\"requestId\":\"t2\",\"toRaceId\":\"" + half + "\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.refundedCents").value(35_00));
        assertThat(fixtures.balance(wallet)).isEqualTo(40_00);
        assertThat(fixtures.raceOf(registration)).isEqualTo(half);
        assertThat(fixtures.history(registration)).containsExactly("TRANSFERRED", "TRANSFERRED");
        ledgerConsistent();
    }

    @Test
    void aTransferMeetsTheTargetRacesAgeLimitsAndFields() throws Exception {
        UUID event = event(40);
        UUID half = race(event, "half", 60_00);
        UUID seniors = race(event, "seniors", 60_00);
        rules(seniors, 50, null, "[]");
        UUID trail = race(event, "trail", 60_00);
        rules(trail, null, null, """
                [{"key":"club","label":"Club","type":"TEXT","required":false,"visibility":"PUBLIC"},
                 {"key":"itra","label":"ITRA number","type":"TEXT","required":true,"visibility":"PRIVATE"}]""");
        UUID registration = fixtures.paid(half, wallet, "Mover", 60_00);

        post("/api/events/registrations/" + registration + "/transfer",
                "{\"requestId\":\"t1\",\"toRaceId\":\"" + seniors + "\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("toRaceId"))
                .andExpect(jsonPath("$.errors[0].code").value("too-young"));
        post("/api/events/registrations/" + registration + "/transfer",
                "{\"requestId\":\"t2\",\"toRaceId\":\"" + trail + "\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("answers.itra"));
        assertThat(fixtures.raceOf(registration)).isEqualTo(half);
        assertThat(fixtures.held(trail)).isZero();

        post("/api/events/registrations/" + registration + "/transfer",
                "{\"requestId\":\"t3\",\"toRaceId\":\"" + trail + "\",\"answers\":{\"itra\":\"2345\"}}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.registration.raceCode").value("trail"));
        assertThat(jdbc.sql("select answers->>'itra' from events.registrations where id = :id")
                .param("id", registration).query(String.class).single()).isEqualTo("2345");
        assertThat(fixtures.history(registration)).containsExactly("TRANSFERRED");
        ledgerConsistent();
    }

    private static final String CLUB = """
            [{"key":"club","label":"Club","type":"TEXT","required":false,"visibility":"PUBLIC"}]""";

    /** The race's age limits and custom fields, as the organizer would set them (a new version of the race). */
    private void rules(UUID race, Integer minAge, Integer maxAge, String fields) {
        jdbc.sql("""
                        update events.races set min_age = :min, max_age = :max, fields = cast(:fields as jsonb),
                            version = version + 1 where id = :id""")
                .param("min", minAge).param("max", maxAge).param("fields", fields).param("id", race).update();
    }

    @Test
    void twoCancellationsAtOnceRefundOnce() throws Exception {
        UUID event = event(60);
        UUID race = fixtures.race(event, "marathon", Duration.ofDays(60), 5, 50_00, "FIRST_COME");
        UUID registration = fixtures.paid(race, wallet, "Twice", 50_00);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        try (var executor = java.util.concurrent.Executors.newFixedThreadPool(2)) {
            var first = executor.submit(() -> {
                start.await();
                return cancellation.cancel(wallet.value(), registration, "a");
            });
            var second = executor.submit(() -> {
                start.await();
                return cancellation.cancel(wallet.value(), registration, "b");
            });
            start.countDown();
            assertThat(List.of(first.get().replayed(), second.get().replayed())).containsExactlyInAnyOrder(true, false);
        }
        assertThat(fixtures.balance(wallet)).isEqualTo(100_00);
        assertThat(fixtures.history(registration)).containsExactly("CANCELLED", "REFUNDED");
        ledgerConsistent();
    }

    @Test
    void aTransferPaidByCardDepositsThenDebitsTheDifference() throws Exception {
        UUID event = event(40);
        UUID half = race(event, "half", 60_00);
        UUID full = race(event, "marathon", 95_00);
        UUID registration = fixtures.paid(half, wallet, "Card", 60_00);
        post("/api/events/registrations/" + registration + "/transfer",
                "{\"requestId\":\"card\",\"toRaceId\":\"" + full + "\",\"payment\":\"CARD\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.chargedCents").value(35_00));
        assertThat(fixtures.balance(wallet)).as("the card paid the difference, the wallet is untouched").isEqualTo(40_00);
        String order = jdbc.sql("""
                        select o.id::text from events.orders o where o.account_id = :account and o.payment_method = 'CARD'""")
                .param("account", wallet.value()).query(String.class).single();
        assertThat(ledger.entriesWithKey("events:order:" + order)).isEqualTo(1);
        assertThat(ledger.entriesWithKey("events:order:" + order + "#card")).isEqualTo(1);
        ledgerConsistent();
    }

    @Test
    void aTransferTheWalletCannotPayChangesNothing() throws Exception {
        UUID event = event(40);
        UUID tenK = race(event, "10k", 90_00);
        UUID full = race(event, "marathon", 200_00);
        UUID registration = fixtures.paid(tenK, wallet, "Short", 90_00);

        post("/api/events/registrations/" + registration + "/transfer", "{\"requestId\":\"t1\",\"toRaceId\":\"" + full + "\"}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("https://paddock.dev/problems/insufficient-funds"));
        assertThat(fixtures.raceOf(registration)).isEqualTo(tenK);
        assertThat(fixtures.held(full)).isZero();
        assertThat(fixtures.balance(wallet)).isEqualTo(10_00);
        assertThat(fixtures.history(registration)).isEmpty();
    }

    @Test
    void aTeamMemberCannotTransferAloneAndAFullRaceRefuses() throws Exception {
        UUID event = event(40);
        UUID relay = race(event, "relay", 10_00);
        UUID small = fixtures.race(event, "small", Duration.ofDays(40), 1, 10_00, "FIRST_COME");
        UUID member = fixtures.paid(relay, wallet, "Member", 10_00);
        jdbc.sql("update events.registrations set team_id = :team, team_role = 'MEMBER' where id = :id")
                .param("team", fixtures.team(relay, wallet, "Team " + UUID.randomUUID())).param("id", member).update();
        post("/api/events/registrations/" + member + "/transfer", "{\"requestId\":\"t\",\"toRaceId\":\"" + small + "\"}")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.type").value("https://paddock.dev/problems/team-transfer"));

        fixtures.paid(small, fixtures.otherBuyer(), "Holder", 0);
        UUID alone = fixtures.paid(relay, wallet, "Alone", 10_00);
        post("/api/events/registrations/" + alone + "/transfer", "{\"requestId\":\"t\",\"toRaceId\":\"" + small + "\"}")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.type").value("https://paddock.dev/problems/race-full"));
        assertThat(fixtures.holdsPlace(alone)).isTrue();
    }

    @Test
    void handOverBeforeTheDeadlinePaysTheFeeAndAfterItIsRefused() throws Exception {
        UUID event = fixtures.event(UUID.randomUUID(), Duration.ofDays(40), POLICY,
                java.time.Instant.now().plus(Duration.ofDays(10)), 15_00);
        UUID race = race(event, "marathon", 50_00);
        rules(race, 18, null, CLUB);
        UUID registration = fixtures.paid(race, wallet, "Giver", 50_00);
        Account friend = accounts.create();
        String athlete = """
                {"requestId":"h1","athlete":{"firstName":"Robin","lastName":"Taker","gender":"M","birthDate":"1985-02-01",
                 "nationality":"FR","email":"%s"},"answers":{"club":"LC Zürich"}}""".formatted(friend.email());

        post("/api/events/registrations/" + registration + "/handover", athlete.replace("1985-02-01", "2999-01-01"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("athlete.birthDate"));
        String child = java.time.LocalDate.now().minusYears(12).toString();
        post("/api/events/registrations/" + registration + "/handover", athlete.replace("1985-02-01", child))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("athlete.birthDate"))
                .andExpect(jsonPath("$.errors[0].code").value("too-young"));
        post("/api/events/registrations/" + registration + "/handover", athlete.replace("\"club\"", "\"shoe\""))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("answers.shoe"));
        post("/api/events/registrations/" + registration + "/handover", athlete.replace("\"LC Zürich\"", "42"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("answers.club"));
        assertThat(fixtures.history(registration)).as("refused hand-overs change nothing").isEmpty();
        assertThat(fixtures.balance(wallet)).isEqualTo(50_00);
        post("/api/events/registrations/" + registration + "/handover", athlete)
                .andExpect(status().isOk()).andExpect(jsonPath("$.registration.athlete").value("Robin Taker"))
                .andExpect(jsonPath("$.chargedCents").value(15_00));
        assertThat(fixtures.balance(wallet)).isEqualTo(35_00);
        assertThat(fixtures.history(registration)).containsExactly("HANDED_OVER");
        // the new holder's account now manages it, the old one no longer does
        post("/api/events/registrations/" + registration + "/cancel", "{\"requestId\":\"x\"}")
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/events/my/registrations").header(HttpHeaders.AUTHORIZATION,
                        bearer(accounts.accessToken(mvc, friend))))
                .andExpect(jsonPath("$[0].id").value(registration.toString()));

        UUID late = fixtures.paid(fixtures.race(fixtures.event(UUID.randomUUID(), Duration.ofDays(40), POLICY,
                java.time.Instant.now().minusSeconds(60), 15_00), "m", Duration.ofDays(40), 5, 10_00, "FIRST_COME"),
                wallet, "Late", 10_00);
        post("/api/events/registrations/" + late + "/handover", athlete)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("https://paddock.dev/problems/handover-closed"));
        ledgerConsistent();
    }

    @Test
    void othersNeitherSeeNorChangeARegistration() throws Exception {
        UUID event = event(40);
        UUID race = race(event, "marathon", 10_00);
        UUID registration = fixtures.paid(race, wallet, "Mine", 10_00);
        token = accounts.accessToken(mvc, accounts.create());
        post("/api/events/registrations/" + registration + "/cancel", "{\"requestId\":\"c\"}").andExpect(status().isNotFound());
        mvc.perform(get("/api/events/registrations/" + registration + "/history")
                .header(HttpHeaders.AUTHORIZATION, bearer(token))).andExpect(status().isNotFound());
        mvc.perform(get("/api/events/registrations/" + registration + "/history")).andExpect(status().isUnauthorized());
        assertThat(fixtures.status(registration)).isEqualTo("CONFIRMED");
    }
}
