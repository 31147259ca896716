package dev.paddock.events.registration;

import static dev.paddock.identity.TestAccounts.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.paddock.identity.AccountId;
import dev.paddock.identity.TestAccounts;
import dev.paddock.identity.account.Account;
import dev.paddock.wallet.LedgerChecks;
import dev.paddock.wallet.Wallets;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The individual registration API on the real database: payment, idempotency, per-field errors, full races. */
@SpringBootTest
@ActiveProfiles("test")
@AutoConfigureMockMvc
class RegistrationApiIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    RegistrationFixtures fixtures;

    @Autowired
    Wallets wallets;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Autowired
    Checkout checkout;

    @Autowired
    RecentAnswers recent;

    LedgerChecks ledger;
    Account buyer;
    String token;

    @BeforeEach
    void signIn() throws Exception {
        ledger = new LedgerChecks(jdbc);
        buyer = accounts.create();
        token = accounts.accessToken(mvc, buyer);
    }

    static String body(String requestId, String firstName, String email, String payment, String extra) {
        return """
                {"requestId":"%s","athlete":{"firstName":"%s","lastName":"Muster","gender":"F",
                 "birthDate":"1990-05-31","nationality":"CH","email":"%s"},
                 "answers":{"club":"LC Zürich","tshirt":"M","consent":true},"payment":%s%s}"""
                .formatted(requestId, firstName, email, payment == null ? "null" : "\"" + payment + "\"", extra);
    }

    ResultActions register(UUID raceId, String body) throws Exception {
        return mvc.perform(post("/api/events/races/{raceId}/registrations", raceId)
                .header("Authorization", bearer(token)).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    JsonNode read(ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString());
    }

    AccountId account() {
        return buyer.id();
    }

    @Test
    void registersAndPaysFromTheWallet() throws Exception {
        var race = fixtures.race().create();
        fixtures.fund(account(), 20000);
        JsonNode answer = read(register(race.raceId, body("r1", "Ann", buyer.email(), "WALLET", ""))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("CONFIRMED"))
                .andExpect(jsonPath("$.totalCents").value(9500))
                .andExpect(jsonPath("$.registrations[0].priceCents").value(9500)));
        UUID registration = UUID.fromString(answer.at("/registrations/0/id").asString());
        UUID order = UUID.fromString(answer.get("orderId").asString());
        ledger.assertConsistent(account(), 10500);
        assertThat(ledger.entriesWithKey("events:order:" + order)).isEqualTo(1);
        assertThat(fixtures.count("select count(*) from events.places where registration_id = ?", registration))
                .isEqualTo(1);
        assertThat(jdbc.sql("select kind from events.registration_history where registration_id = ? order by id")
                .params(registration).query(String.class).list()).containsExactly("CREATED", "PAID");
        assertThat(jdbc.sql("select account_id from events.registrations where id = ?").params(registration)
                .query(UUID.class).single()).as("linked to the athlete's account").isEqualTo(account().value());
        assertThat(fixtures.count("select count(*) from mail.outbox where recipient = ?", buyer.email())).isEqualTo(1);
        mvc.perform(get("/api/events/orders/{id}", order).header("Authorization", bearer(token)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalCents").value(9500))
                .andExpect(jsonPath("$.registrations[0].raceCode").value("marathon"))
                .andExpect(jsonPath("$.registrations[0].status").value("CONFIRMED"));
        String stranger = accounts.accessToken(mvc, accounts.create());
        mvc.perform(get("/api/events/orders/{id}", order).header("Authorization", bearer(stranger)))
                .andExpect(status().isNotFound());
    }

    @Test
    void paysByCardThroughTheWallet() throws Exception {
        var race = fixtures.race().create();
        register(race.raceId, body("card-1", "Ann", buyer.email(), "CARD", ""))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("CONFIRMED"));
        ledger.assertConsistent(account(), 0);
        assertThat(ledger.movementsOf(account())).as("a deposit then the debit").isEqualTo(2);
    }

    @Test
    void aRetryIsAnsweredOnceAndAReusedRequestIdIsRefused() throws Exception {
        var race = fixtures.race().create();
        fixtures.fund(account(), 20000);
        String first = register(race.raceId, body("same", "Ann", buyer.email(), "WALLET", ""))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String again = register(race.raceId, body("same", "Ann", buyer.email(), "WALLET", ""))
                .andExpect(status().isOk()).andExpect(header().string("Idempotent-Replayed", "true"))
                .andReturn().getResponse().getContentAsString();
        assertThat(json.readTree(again)).isEqualTo(json.readTree(first));
        ledger.assertConsistent(account(), 10500);
        register(race.raceId, body("same", "Bob", "bob@example.com", "WALLET", ""))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("https://paddock.dev/problems/request-id-reused"));
        assertThat(fixtures.count("select count(*) from events.registrations where race_id = ?", race.raceId))
                .isEqualTo(1);
    }

    @Test
    void namesEveryOffendingFieldAsTheClientSentIt() throws Exception {
        var race = fixtures.race().create();
        register(race.raceId, """
                {"requestId":"bad","athlete":{"firstName":"","lastName":"Muster","gender":"W",
                 "birthDate":"2015-01-01","nationality":"Suisse","email":"nope"},
                 "answers":{"tshirt":"XXL","consent":false,"shoe":44},"predictedTime":"3h30",
                 "payment":"CASH"}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://paddock.dev/problems/validation"))
                .andExpect(jsonPath("$.errors[?(@.field == 'athlete.firstName')].code").value("size"))
                .andExpect(jsonPath("$.errors[?(@.field == 'athlete.gender')].code").value("gender"))
                .andExpect(jsonPath("$.errors[?(@.field == 'athlete.birthDate')].code").value("too-young"))
                .andExpect(jsonPath("$.errors[?(@.field == 'athlete.nationality')].code").value("country"))
                .andExpect(jsonPath("$.errors[?(@.field == 'athlete.email')].code").value("email"))
                .andExpect(jsonPath("$.errors[?(@.field == 'answers.tshirt')].code").value("not-an-option"))
                .andExpect(jsonPath("$.errors[?(@.field == 'answers.consent')].code").value("consent"))
                .andExpect(jsonPath("$.errors[?(@.field == 'answers.shoe')].code").value("unknown"))
                .andExpect(jsonPath("$.errors[?(@.field == 'predictedTime')].code").value("duration"))
                .andExpect(jsonPath("$.errors[?(@.field == 'payment')].code").value("payment"));
        register(race.raceId, """
                {"requestId":"bad2","athlete":{"firstName":"Ann","lastName":"Muster","gender":"F",
                 "birthDate":"31.05.1990","nationality":"CH","email":"a@b.ch"},"answers":{},"payment":"WALLET"}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("athlete.birthDate"));
        assertThat(fixtures.count("select count(*) from events.registrations where race_id = ?", race.raceId)).isZero();
    }

    @Test
    void aFullRaceWaitlistsInOrderOrRefusesWhenAsked() throws Exception {
        var race = fixtures.race().capacity(1).create();
        fixtures.fund(account(), 50000);
        register(race.raceId, body("w1", "Ann", "ann@example.com", "WALLET", ""))
                .andExpect(jsonPath("$.status").value("CONFIRMED"));
        register(race.raceId, body("w2", "Bea", "bea@example.com", "WALLET", ""))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("WAITLISTED"))
                .andExpect(jsonPath("$.orderId").isEmpty())
                .andExpect(jsonPath("$.totalCents").value(0))
                .andExpect(jsonPath("$.registrations[0].waitlistPosition").value(1));
        register(race.raceId, body("w3", "Cleo", "cleo@example.com", "WALLET", ""))
                .andExpect(jsonPath("$.registrations[0].waitlistPosition").value(2));
        register(race.raceId, body("w4", "Dora", "dora@example.com", "WALLET", ",\"waitlist\":false"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("https://paddock.dev/problems/race-full"));
        ledger.assertConsistent(account(), 40500);
        register(race.raceId, body("w5", "Bea", "bea@example.com", "WALLET", ""))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("https://paddock.dev/problems/already-registered"));
    }

    @Test
    void aRetryOfASuccessThisNodeNeverAnsweredIsReplayedWhileTheRaceIsKnownFull() throws Exception {
        var race = fixtures.race().capacity(1).create();
        fixtures.fund(account(), 20000);
        String ann = body("last", "Ann", "ann@example.com", "WALLET", ",\"waitlist\":false");
        String first = register(race.raceId, ann).andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("CONFIRMED")).andReturn().getResponse().getContentAsString();
        // the race is known full (refusals no longer go to the writer) and this node does not remember the answer:
        // it was given by another node, or before a restart
        checkout.markSoldOut(race.raceId, Instant.now().plusSeconds(600));
        recent.forgetAll();
        String again = register(race.raceId, ann).andExpect(status().isOk())
                .andExpect(header().string("Idempotent-Replayed", "true"))
                .andReturn().getResponse().getContentAsString();
        assertThat(json.readTree(again)).isEqualTo(json.readTree(first));
        register(race.raceId, body("late", "Bea", "bea@example.com", "WALLET", ",\"waitlist\":false"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("https://paddock.dev/problems/race-full"));
        ledger.assertConsistent(account(), 20000 - 9500);
    }

    @Test
    void aClosedRaceTakesNoRegistration() throws Exception {
        var race = fixtures.race().closed().create();
        register(race.raceId, body("c1", "Ann", buyer.email(), "WALLET", ""))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("https://paddock.dev/problems/registration-closed"));
    }

    @Test
    void aShortWalletPaysNothingAndRegistersNobody() throws Exception {
        var race = fixtures.race().create();
        fixtures.fund(account(), 1000);
        register(race.raceId, body("short", "Ann", buyer.email(), "WALLET", ""))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("https://paddock.dev/problems/insufficient-funds"));
        assertThat(fixtures.count("select count(*) from events.registrations where race_id = ?", race.raceId)).isZero();
        assertThat(fixtures.count("select count(*) from events.places where race_id = ? and registration_id is not null",
                race.raceId)).isZero();
        ledger.assertConsistent(account(), 1000);
    }

    @Test
    void promoCodesDiscountAndAreCountedUpToTheirMaximum() throws Exception {
        var race = fixtures.race().create();
        fixtures.promo(race.eventId, "SPRING15", "PERCENT", null, 15, 1, false);
        fixtures.fund(account(), 50000);
        register(race.raceId, body("p1", "Ann", "ann@example.com", "WALLET", ",\"promoCode\":\"spring15\""))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.subtotalCents").value(9500))
                .andExpect(jsonPath("$.discountCents").value(1425))
                .andExpect(jsonPath("$.totalCents").value(8075));
        register(race.raceId, body("p2", "Bea", "bea@example.com", "WALLET", ",\"promoCode\":\"SPRING15\""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("promoCode"))
                .andExpect(jsonPath("$.errors[0].code").value("used-up"));
        register(race.raceId, body("p3", "Cleo", "cleo@example.com", "WALLET", ",\"promoCode\":\"NOPE\""))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].code").value("unknown"));
        ledger.assertConsistent(account(), 50000 - 8075);
    }

    @Test
    void aFreeRaceNeedsNoPayment() throws Exception {
        var race = fixtures.race().price(0).create();
        JsonNode answer = read(register(race.raceId, body("free", "Ann", buyer.email(), null, ""))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("CONFIRMED")));
        assertThat(jdbc.sql("select payment_method from events.orders where id = ?")
                .params(UUID.fromString(answer.get("orderId").asString())).query(String.class).single()).isEqualTo("FREE");
        assertThat(ledger.movementsOf(account())).isZero();
    }

    @Test
    void aLotteryRaceTakesEntriesWithoutPayment() throws Exception {
        var race = fixtures.race().lottery().capacity(1).create();
        register(race.raceId, body("l1", "Ann", "ann@example.com", "WALLET", ""))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("ENTERED"))
                .andExpect(jsonPath("$.orderId").isEmpty());
        register(race.raceId, body("l2", "Bea", "bea@example.com", "WALLET", ""))
                .andExpect(jsonPath("$.status").value("ENTERED"));
        assertThat(ledger.movementsOf(account())).isZero();
        assertThat(fixtures.count("select count(*) from events.places where race_id = ? and registration_id is not null",
                race.raceId)).isZero();
    }

    @Test
    void needsASignedInAccount() throws Exception {
        var race = fixtures.race().create();
        mvc.perform(post("/api/events/races/{raceId}/registrations", race.raceId).contentType(MediaType.APPLICATION_JSON)
                .content(body("anon", "Ann", "a@b.ch", "WALLET", ""))).andExpect(status().isUnauthorized());
    }
}
