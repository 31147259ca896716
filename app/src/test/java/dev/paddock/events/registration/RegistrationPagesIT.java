package dev.paddock.events.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.paddock.identity.TestAccounts;
import dev.paddock.identity.account.Account;
import dev.paddock.wallet.LedgerChecks;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The registration pages through MockMvc with a session login: forms, per-field errors, team rows, orders. */
@SpringBootTest
@ActiveProfiles("test")
@AutoConfigureMockMvc
class RegistrationPagesIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    RegistrationFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    Account athlete;
    RequestPostProcessor session;

    @BeforeEach
    void signIn() {
        athlete = accounts.create();
        session = user(TestAccounts.principal(athlete));
        fixtures.fund(athlete.id(), 100000);
    }

    private String page(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(session)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    private MockHttpServletRequestBuilder individual(RegistrationFixtures.Race race, String email, String tshirt) {
        return individual(race, email, tshirt, "1990-05-31");
    }

    private MockHttpServletRequestBuilder individual(RegistrationFixtures.Race race, String email, String tshirt,
            String birthDate) {
        return post("/events/{slug}/{code}/register", race.slug, race.code).with(csrf())
                .param("requestId", UUID.randomUUID().toString())
                .param("athlete.firstName", "Ann").param("athlete.lastName", "Muster").param("athlete.gender", "F")
                .param("athlete.birthDate", birthDate).param("athlete.nationality", "ch")
                .param("athlete.email", email).param("answers.club", "LC Zürich").param("answers.tshirt", tshirt)
                .param("answers.consent", "true").param("payment", "WALLET").param("waitlist", "true");
    }

    @Test
    void theFormIsPrefilledAndBuiltFromTheRaceFields() throws Exception {
        var race = fixtures.race().create();
        String html = page(get("/events/{slug}/{code}/register", race.slug, race.code));
        assertThat(html).contains("value=\"" + athlete.email() + "\"").contains("value=\"1990-05-31\"")
                .contains("value=\"FR\"").contains("name=\"answers.tshirt\"").contains("<option value=\"L\"")
                .contains("name=\"answers.consent\"").contains("95.00 EUR");
        mvc.perform(get("/events/{slug}/{code}/register", race.slug, "nope").with(session))
                .andExpect(status().isNotFound());
    }

    @Test
    void errorsAreShownNextToTheirInputsAndNothingIsStored() throws Exception {
        var race = fixtures.race().create();
        String html = page(individual(race, "not-an-email", "XXL", "2016-01-01"));
        assertThat(html).contains("Athletes are at least 18 on race day").contains("T-shirt must be one of: S, M, L")
                .contains("An e-mail address such as").contains("aria-invalid=\"true\"");
        assertThat(fixtures.count("select count(*) from events.registrations where race_id = ?", race.raceId)).isZero();
        String french = page(individual(race, "not-an-email", "M").locale(Locale.FRENCH));
        assertThat(french).contains("Une adresse e-mail, p. ex. anne@example.com.").contains("Inscription");
    }

    @Test
    void aRegistrationEndsOnItsOrderPage() throws Exception {
        var race = fixtures.race().create();
        String location = mvc.perform(individual(race, athlete.email(), "M").with(session))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("/events/orders/*"))
                .andReturn().getResponse().getRedirectedUrl();
        String html = page(get(location));
        assertThat(html).contains("Paid: your registration is confirmed.").contains("Ann Muster")
                .contains("95.00 EUR").contains("Confirmed");
        new LedgerChecks(jdbc).assertConsistent(athlete.id(), 100000 - 9500);
        Account stranger = accounts.create();
        mvc.perform(get(location).with(user(TestAccounts.principal(stranger)))).andExpect(status().isNotFound());
    }

    @Test
    void aFullRaceShowsTheWaitlistPlace() throws Exception {
        var race = fixtures.race().capacity(0).create();
        String html = page(individual(race, athlete.email(), "S"));
        assertThat(html).contains("You are on the waitlist").contains("You are number 1 in line.");
    }

    @Test
    void aCaptainAddsRowsAndRegistersTheTeam() throws Exception {
        var race = fixtures.race().team(2, 3, 0, "MIXED").create();
        mvc.perform(get("/events/{slug}/{code}/register", race.slug, race.code).with(session))
                .andExpect(redirectedUrlPattern("/events/*/relay/team"));
        String form = page(get("/events/{slug}/{code}/team", race.slug, race.code));
        assertThat(form).contains("name=\"members[0].athlete.email\"").contains("name=\"members[1].athlete.email\"")
                .doesNotContain("name=\"members[2].athlete.email\"").contains("value=\"" + athlete.email() + "\"");
        mvc.perform(get("/events/{slug}/{code}/team/member", race.slug, race.code).param("index", "5").with(session))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("name=\"members[5].athlete.firstName\"")))
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("<html"))));
        // rows 0 and 5: row 1 was removed in the browser
        MockHttpServletRequestBuilder team = post("/events/{slug}/{code}/team", race.slug, race.code).with(csrf())
                .param("requestId", UUID.randomUUID().toString()).param("name", "Duo").param("payment", "WALLET");
        member(team, 0, "Ann", "F", athlete.email());
        member(team, 5, "Bob", "F", "bob@example.com");
        String refused = page(team);
        assertThat(refused).contains("A mixed team has at least one woman and one man racing");
        MockHttpServletRequestBuilder fixed = post("/events/{slug}/{code}/team", race.slug, race.code).with(csrf())
                .param("requestId", UUID.randomUUID().toString()).param("name", "Duo").param("payment", "WALLET");
        member(fixed, 0, "Ann", "F", athlete.email());
        member(fixed, 5, "Bob", "M", "bad");
        assertThat(page(fixed)).contains("id=\"err-members[5].athlete.email\">An e-mail address");
        MockHttpServletRequestBuilder good = post("/events/{slug}/{code}/team", race.slug, race.code).with(csrf())
                .param("requestId", UUID.randomUUID().toString()).param("name", "Duo").param("payment", "WALLET");
        member(good, 0, "Ann", "F", athlete.email());
        member(good, 5, "Bob", "M", "bob@example.com");
        mvc.perform(good.with(session)).andExpect(redirectedUrlPattern("/events/orders/*"));
        assertThat(fixtures.count("select count(*) from events.registrations where race_id = ? and status = 'CONFIRMED'",
                race.raceId)).isEqualTo(2);
    }

    private static void member(MockHttpServletRequestBuilder request, int row, String first, String gender, String email) {
        String p = "members[" + row + "].";
        request.param(p + "athlete.firstName", first).param(p + "athlete.lastName", "Team")
                .param(p + "athlete.gender", gender).param(p + "athlete.birthDate", "1991-03-04")
                .param(p + "athlete.nationality", "CH").param(p + "athlete.email", email)
                .param(p + "answers.tshirt", "M").param(p + "answers.consent", "true").param(p + "role", "MEMBER");
    }

    @Test
    void aMemberJoinsByCodeFromTheJoinPage() throws Exception {
        var race = fixtures.race().team(2, 2, 0, "ANY").create();
        MockHttpServletRequestBuilder create = post("/events/{slug}/{code}/team", race.slug, race.code).with(csrf())
                .param("requestId", UUID.randomUUID().toString()).param("name", "Coded").param("payment", "WALLET")
                .param("joinCode", "true");
        member(create, 0, "Ann", "F", athlete.email());
        mvc.perform(create.with(session)).andExpect(redirectedUrlPattern("/events/orders/*"));
        String code = jdbc.sql("select join_code from events.teams where race_id = ?").params(race.raceId)
                .query(String.class).single();
        Account friend = accounts.create();
        fixtures.fund(friend.id(), 20000);
        RequestPostProcessor friendSession = user(TestAccounts.principal(friend));
        String html = mvc.perform(get("/events/join").param("code", code.toLowerCase()).with(friendSession))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("Team Coded").contains("name=\"athlete.email\"").contains(friend.email());
        assertThat(mvc.perform(get("/events/join").param("code", "ZZZZZZZZ").with(friendSession)).andReturn()
                .getResponse().getContentAsString()).contains("No team has this code.");
        mvc.perform(post("/events/join").with(csrf()).with(friendSession).param("requestId", "join-1")
                        .param("code", code).param("athlete.firstName", "Fred").param("athlete.lastName", "Friend")
                        .param("athlete.gender", "M").param("athlete.birthDate", "1992-02-02")
                        .param("athlete.nationality", "DE").param("athlete.email", friend.email())
                        .param("answers.tshirt", "L").param("answers.consent", "true").param("role", "MEMBER")
                        .param("payment", "WALLET"))
                .andExpect(redirectedUrlPattern("/events/orders/*"));
        new LedgerChecks(jdbc).assertConsistent(friend.id(), 20000 - 9500);
    }

    @Test
    void anOfferIsAcceptedFromItsPage() throws Exception {
        var race = fixtures.race().capacity(1).create();
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into events.registrations (id, race_id, event_id, account_id, buyer_account_id, status,
                    first_name, last_name, gender, birth_date, nationality, email, offer_expires_at, created_at)
                values (?, ?, ?, ?, ?, 'OFFERED', 'Ola', 'Nordmann', 'F', date '1990-01-01', 'NO', ?, ?, now())""")
                .params(id, race.raceId, race.eventId, athlete.id().value(), athlete.id().value(), athlete.email(),
                        Timestamp.from(Instant.now().plus(2, ChronoUnit.DAYS))).update();
        jdbc.sql("update events.places set registration_id = ? where race_id = ?").params(id, race.raceId).update();
        assertThat(page(get("/events/registrations/{id}/accept", id))).contains("Accept your place")
                .contains("95.00 EUR");
        mvc.perform(post("/events/registrations/{id}/accept", id).with(csrf()).with(session)
                        .param("requestId", "acc-1").param("payment", "WALLET"))
                .andExpect(redirectedUrlPattern("/events/orders/*"));
        assertThat(jdbc.sql("select status from events.registrations where id = ?").params(id).query(String.class)
                .single()).isEqualTo("CONFIRMED");
    }
}
