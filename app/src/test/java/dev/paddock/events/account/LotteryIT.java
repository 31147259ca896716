package dev.paddock.events.account;

import static dev.paddock.identity.TestAccounts.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.paddock.identity.AccountId;
import dev.paddock.identity.Role;
import dev.paddock.identity.TestAccounts;
import dev.paddock.identity.account.Account;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The organizer draws a closed lottery race; the draw is published and anyone can re-run it. */
@SpringBootTest
@ActiveProfiles("test")
@AutoConfigureMockMvc
class LotteryIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestAccounts accounts;
    @Autowired
    EventFixtures fixtures;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JsonMapper json;

    @Test
    void theDrawIsReproducibleAndPublished() throws Exception {
        Account organizer = accounts.create(Role.ORGANIZER);
        String token = accounts.accessToken(mvc, organizer);
        UUID event = fixtures.event(organizer.id().value(), Duration.ofDays(60), "[]", null, 0);
        UUID race = fixtures.race(event, "pdg", Duration.ofDays(60), 5, 100_00, "LOTTERY");
        List<UUID> singles = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            singles.add(fixtures.entered(race, AccountId.random(), "Single" + i, null));
        }
        UUID team = fixtures.team(race, AccountId.random(), "Patrol " + UUID.randomUUID());
        List<UUID> patrol = List.of(fixtures.entered(race, AccountId.random(), "Patrol", team),
                fixtures.entered(race, AccountId.random(), "Patrol", team), fixtures.entered(race, AccountId.random(), "Patrol", team));
        List<UUID> entryIds = new ArrayList<>(singles);
        entryIds.add(team);
        String digestBefore = LotteryDraw.digest(entryIds);

        mvc.perform(get("/api/events/races/" + race + "/lottery"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.drawn").value(false))
                .andExpect(jsonPath("$.entries").value(7)).andExpect(jsonPath("$.entriesDigest").value(digestBefore));
        draw(race, token, "s1").andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("https://paddock.dev/problems/entries-open"));
        jdbc.sql("update events.races set registration = 'CLOSED' where id = :id").param("id", race).update();
        Account stranger = accounts.create(Role.ORGANIZER);
        draw(race, accounts.accessToken(mvc, stranger), "s1").andExpect(status().isNotFound());
        draw(race, accounts.accessToken(mvc, accounts.create()), "s1").andExpect(status().isForbidden());

        String body = draw(race, token, "zermatt-2027").andExpect(status().isOk())
                .andExpect(jsonPath("$.drawn").value(true)).andExpect(jsonPath("$.seed").value("zermatt-2027"))
                .andExpect(jsonPath("$.entriesDigest").value(digestBefore))
                .andReturn().getResponse().getContentAsString();
        JsonNode published = json.readTree(body);

        // anyone re-runs the published draw from the seed and the entry ids
        List<LotteryDraw.Entry> entries = new ArrayList<>();
        published.get("order").forEach(e -> entries.add(new LotteryDraw.Entry(UUID.fromString(e.get("entryId").asString()),
                e.get("places").asInt())));
        LotteryDraw.Result again = LotteryDraw.draw("zermatt-2027", entries, 5);
        for (int i = 0; i < entries.size(); i++) {
            assertThat(published.get("order").get(i).get("entryId").asString())
                    .isEqualTo(again.order().get(i).entry().id().toString());
            assertThat(published.get("order").get(i).get("won").asBoolean()).isEqualTo(again.order().get(i).won());
        }
        assertThat(published.get("order").get(0).get("initials").asString()).matches("[A-Z]\\.[A-Z]\\..*");
        assertThat(body).doesNotContain("Single").doesNotContain("Patrol");

        long offered = jdbc.sql("select count(*) from events.registrations where race_id = :race and status = 'OFFERED'")
                .param("race", race).query(Long.class).single();
        int winningPlaces = again.winners().stream().mapToInt(LotteryDraw.Entry::places).sum();
        assertThat(offered).isEqualTo(winningPlaces).isLessThanOrEqualTo(5);
        assertThat(fixtures.held(race)).isEqualTo(winningPlaces);
        List<String> patrolStatuses = patrol.stream().map(fixtures::status).distinct().toList();
        assertThat(patrolStatuses).as("a team draws as one").hasSize(1);
        List<Long> positions = jdbc.sql("""
                        select waitlist_position from events.registrations where race_id = :race and status = 'WAITLISTED'
                        and team_id is null order by waitlist_position""")
                .param("race", race).query(Long.class).list();
        assertThat(positions).doesNotHaveDuplicates();

        draw(race, token, "zermatt-2027").andExpect(status().isOk()).andExpect(content().string(body));
        draw(race, token, "other").andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("https://paddock.dev/problems/already-drawn"));
        mvc.perform(get("/events/races/" + race + "/lottery")).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("zermatt-2027")));
    }

    private org.springframework.test.web.servlet.ResultActions draw(UUID race, String token, String seed) throws Exception {
        return mvc.perform(post("/api/events/organizer/races/" + race + "/lottery/draw")
                .header(HttpHeaders.AUTHORIZATION, bearer(token)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"seed\":\"" + seed + "\"}"));
    }
}
