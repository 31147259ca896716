package dev.paddock.events.registration;

import static dev.paddock.identity.TestAccounts.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.paddock.identity.TestAccounts;
import dev.paddock.identity.account.Account;
import dev.paddock.wallet.LedgerChecks;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
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

/** Teams (whole team in one order, join codes) and accepting an offered place, through the API. */
@SpringBootTest
@ActiveProfiles("test")
@AutoConfigureMockMvc
class TeamAndOfferIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    RegistrationFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    LedgerChecks ledger;
    Account captain;
    String token;

    @BeforeEach
    void signIn() throws Exception {
        ledger = new LedgerChecks(jdbc);
        captain = accounts.create();
        token = accounts.accessToken(mvc, captain);
    }

    static String member(String first, String gender, String email, String role) {
        return """
                {"athlete":{"firstName":"%s","lastName":"Patrol","gender":"%s","birthDate":"1988-02-03",
                 "nationality":"CH","email":"%s"},"answers":{"tshirt":"S","consent":true},"role":"%s"}"""
                .formatted(first, gender, email, role);
    }

    ResultActions post(String path, String body, String bearerToken) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path)
                .header("Authorization", bearer(bearerToken)).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    JsonNode read(ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString());
    }

    @Test
    void aCaptainRegistersAWholeTeamInOneOrder() throws Exception {
        var race = fixtures.race().team(3, 3, 1, "ANY").capacity(6).create();
        fixtures.fund(captain.id(), 100000);
        String team = """
                {"requestId":"t1","name":"Les Chamois","payment":"WALLET","members":[%s,%s,%s,%s]}""".formatted(
                member("Anna", "F", captain.email(), "MEMBER"), member("Ben", "M", "ben@example.com", "MEMBER"),
                member("Carl", "M", "carl@example.com", "MEMBER"), member("Dan", "M", "dan@example.com", "SUBSTITUTE"));
        JsonNode answer = read(post("/api/events/races/" + race.raceId + "/teams", team, token)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("CONFIRMED"))
                .andExpect(jsonPath("$.registrations.length()").value(4))
                .andExpect(jsonPath("$.totalCents").value(38000)));
        UUID teamId = UUID.fromString(answer.get("teamId").asString());
        assertThat(jdbc.sql("select team_role from events.registrations where team_id = ? order by team_role")
                .params(teamId).query(String.class).list()).containsExactly("MEMBER", "MEMBER", "MEMBER", "SUBSTITUTE");
        assertThat(jdbc.sql("select count(*) from events.registrations where team_id = ? and account_id = ?")
                .params(teamId, captain.id().value()).query(Long.class).single()).as("captain linked by e-mail")
                .isEqualTo(1);
        ledger.assertConsistent(captain.id(), 100000 - 38000);

        String second = """
                {"requestId":"t2","name":"Too Late","payment":"WALLET","members":[%s,%s,%s]}""".formatted(
                member("Eve", "F", "eve@example.com", "MEMBER"), member("Fay", "F", "fay@example.com", "MEMBER"),
                member("Gil", "M", "gil@example.com", "MEMBER"));
        post("/api/events/races/" + race.raceId + "/teams", second, token)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("https://paddock.dev/problems/race-full"));
        assertThat(fixtures.count("select count(*) from events.registrations where race_id = ?", race.raceId))
                .as("all or nothing").isEqualTo(4);
        assertThat(fixtures.count("select count(*) from events.teams where race_id = ?", race.raceId)).isEqualTo(1);
        ledger.assertConsistent(captain.id(), 100000 - 38000);
    }

    @Test
    void teamRulesAreCheckedBeforeAnythingIsWritten() throws Exception {
        var race = fixtures.race().team(2, 2, 0, "MIXED").create();
        String team = """
                {"requestId":"rules","name":"Two Men","payment":"WALLET","members":[%s,%s]}""".formatted(
                member("Ben", "M", "ben@example.com", "MEMBER"), member("Carl", "M", "carl@example.com", "MEMBER"));
        post("/api/events/races/" + race.raceId + "/teams", team, token)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("members"))
                .andExpect(jsonPath("$.errors[0].code").value("gender-rule"));
        String badMember = """
                {"requestId":"rules2","name":"Bad","payment":"WALLET","members":[%s,%s]}""".formatted(
                member("Ann", "F", "ann@example.com", "MEMBER"), member("Carl", "M", "not-an-email", "CAPTAIN"));
        post("/api/events/races/" + race.raceId + "/teams", badMember, token)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'members[1].athlete.email')].code").value("email"))
                .andExpect(jsonPath("$.errors[?(@.field == 'members[1].role')].code").value("role"));
        assertThat(fixtures.count("select count(*) from events.teams where race_id = ?", race.raceId)).isZero();
        var lottery = fixtures.race().team(2, 2, 0, "ANY").lottery().create();
        String pair = """
                {"requestId":"rules3","name":"Drawn","payment":"WALLET","members":[%s,%s]}""".formatted(
                member("Ann", "F", "ann@example.com", "MEMBER"), member("Carl", "M", "carl@example.com", "MEMBER"));
        post("/api/events/races/" + lottery.raceId + "/teams", pair, token)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("https://paddock.dev/problems/team-lottery"));
    }

    @Test
    void membersJoinATeamByItsCodeUntilItIsComplete() throws Exception {
        var race = fixtures.race().team(2, 2, 1, "ANY").create();
        fixtures.fund(captain.id(), 100000);
        String create = """
                {"requestId":"c1","name":"Code Team","joinCode":true,"payment":"WALLET","captain":%s}"""
                .formatted(member("Anna", "F", captain.email(), "MEMBER"));
        JsonNode created = read(post("/api/events/races/" + race.raceId + "/teams", create, token)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.registrations.length()").value(1)));
        String code = created.get("joinCode").asString();
        assertThat(code).matches("[A-Z0-9]{8}");
        ledger.assertConsistent(captain.id(), 100000 - 9500);

        List<String> joiners = List.of(join(code, "Ben", "MEMBER", 201), join(code, "Cid", "SUBSTITUTE", 201));
        assertThat(joiners).hasSize(2);
        Account late = accounts.create();
        fixtures.fund(late.id(), 20000);
        post("/api/events/teams/join", joinBody(code, "Dan", "MEMBER"), accounts.accessToken(mvc, late))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("https://paddock.dev/problems/team-full"));
        ledger.assertConsistent(late.id(), 20000);
        assertThat(fixtures.count("select count(*) from events.registrations r join events.teams t on t.id = r.team_id"
                + " where t.join_code = ? and r.status = 'CONFIRMED'", code)).isEqualTo(3);
        post("/api/events/teams/join", joinBody("NOSUCH99", "Eve", "MEMBER"), token)
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("code"));
    }

    private String join(String code, String first, String role, int expected) throws Exception {
        Account member = accounts.create();
        fixtures.fund(member.id(), 20000);
        post("/api/events/teams/join", joinBody(code, first, role), accounts.accessToken(mvc, member))
                .andExpect(status().is(expected));
        ledger.assertConsistent(member.id(), 20000 - 9500);
        return first;
    }

    private static String joinBody(String code, String first, String role) {
        return """
                {"requestId":"j-%s","code":"%s","payment":"WALLET","role":"%s",
                 "athlete":{"firstName":"%s","lastName":"Joiner","gender":"M","birthDate":"1990-01-01",
                 "nationality":"FR","email":"%s@example.com"},"answers":{"tshirt":"M","consent":true}}"""
                .formatted(first, code.toLowerCase(), role, first, first.toLowerCase());
    }

    @Test
    void anOfferedPlaceIsPaidBeforeItsDeadlineAndRefusedAfter() throws Exception {
        var race = fixtures.race().capacity(2).create();
        fixtures.fund(captain.id(), 30000);
        UUID live = offered(race, Instant.now().plus(1, ChronoUnit.HOURS));
        UUID lapsed = offered(race, Instant.now().minus(1, ChronoUnit.MINUTES));
        post("/api/events/registrations/" + live + "/accept", "{\"requestId\":\"a1\",\"payment\":\"WALLET\"}", token)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("CONFIRMED"))
                .andExpect(jsonPath("$.totalCents").value(9500));
        assertThat(jdbc.sql("select status from events.registrations where id = ?").params(live).query(String.class)
                .single()).isEqualTo("CONFIRMED");
        assertThat(jdbc.sql("select kind from events.registration_history where registration_id = ? order by id")
                .params(live).query(String.class).list()).containsExactly("ACCEPTED", "PAID");
        post("/api/events/registrations/" + live + "/accept", "{\"requestId\":\"a1\",\"payment\":\"WALLET\"}", token)
                .andExpect(status().isOk());
        post("/api/events/registrations/" + live + "/accept", "{\"requestId\":\"a2\",\"payment\":\"WALLET\"}", token)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("https://paddock.dev/problems/not-offered"));
        post("/api/events/registrations/" + lapsed + "/accept", "{\"requestId\":\"a3\",\"payment\":\"WALLET\"}", token)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("https://paddock.dev/problems/offer-expired"));
        ledger.assertConsistent(captain.id(), 30000 - 9500);
        String other = accounts.accessToken(mvc, accounts.create());
        post("/api/events/registrations/" + lapsed + "/accept", "{\"requestId\":\"a4\",\"payment\":\"WALLET\"}", other)
                .andExpect(status().isNotFound());
    }

    /** A waitlisted registration that the account part's offer code turned into an offer, holding a place. */
    private UUID offered(RegistrationFixtures.Race race, Instant expiresAt) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into events.registrations (id, race_id, event_id, account_id, buyer_account_id, status,
                    first_name, last_name, gender, birth_date, nationality, email, offer_expires_at, created_at)
                values (?, ?, ?, ?, ?, 'OFFERED', 'Ola', ?, 'F', date '1990-01-01', 'NO', 'ola@example.com', ?, now())""")
                .params(id, race.raceId, race.eventId, captain.id().value(), captain.id().value(), "W" + id.toString()
                        .substring(0, 6), Timestamp.from(expiresAt)).update();
        jdbc.sql("""
                update events.places set registration_id = ? where (race_id, number) =
                    (select race_id, min(number) from events.places where race_id = ? and registration_id is null
                     group by race_id)""").params(id, race.raceId).update();
        return id;
    }
}
