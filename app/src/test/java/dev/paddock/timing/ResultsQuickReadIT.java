package dev.paddock.timing;

import static dev.paddock.identity.TestAccounts.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import dev.paddock.identity.Role;
import dev.paddock.identity.TestAccounts;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * Anonymous results reads answered from memory ahead of Spring MVC (no handler ran) once the race's board is
 * loaded, with the same bodies, ETag and caching as the controller; what the quick read cannot answer (a race
 * not loaded yet, a bad parameter, something not found) still gets the controller's answer, problems included.
 */
@SpringBootTest
@ActiveProfiles("test")
@AutoConfigureMockMvc
class ResultsQuickReadIT {

    static final Instant GUN = Instant.parse("2027-05-02T07:00:00Z");

    @Autowired
    MockMvc mvc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    String operator;
    UUID race;
    String results;

    @BeforeEach
    void race() throws Exception {
        operator = accounts.accessToken(mvc, accounts.create(Role.OPERATOR));
        race = TimingFixtures.race(jdbc, "Quick 10K", 10_000, GUN);
        results = "/api/results/races/" + race;
        TimingFixtures.starter(jdbc, race, 1, "Anna", "Muster", "F", "1990-02-01", Map.of());
        TimingFixtures.starter(jdbc, race, 2, "Beat", "Brändli", "M", "1985-07-12", Map.of());
        send(put("/api/timing/races/" + race), Map.of("officialClock", "GUN",
                "points", List.of(Map.of("code", "start", "kind", "START", "distanceM", 0),
                        Map.of("code", "finish", "kind", "FINISH", "distanceM", 10000))));
        send(post("/api/timing/races/" + race + "/start"), Map.of("at", GUN.toString()));
    }

    @Test
    void aLoadedRaceIsReadFromMemoryWithTheControllersBodiesAndCaching() throws Exception {
        MvcResult first = mvc.perform(get(results + "/athletes/1")).andReturn();
        assertThat(first.getHandler()).as("a race not loaded yet goes to the controller").isNotNull();
        assertThat(first.getResponse().getStatus()).isEqualTo(200);

        for (String path : List.of("", "/athletes/1", "/rankings/overall", "/rankings/gender?group=F&page=0&size=10",
                "/search?q=anna")) {
            MvcResult quick = mvc.perform(get(results + path)).andReturn();
            MvcResult slow = mvc.perform(get(results + path).header("Authorization", bearer(operator))).andReturn();
            assertThat(quick.getHandler()).as(path).isNull();
            assertThat(slow.getHandler()).as(path).isNotNull();
            assertThat(quick.getResponse().getStatus()).as(path).isEqualTo(200);
            assertThat(quick.getResponse().getContentAsString()).as(path)
                    .isEqualTo(slow.getResponse().getContentAsString());
            assertThat(quick.getResponse().getContentType()).isEqualTo("application/json");
            assertThat(quick.getResponse().getHeader("ETag")).isEqualTo(slow.getResponse().getHeader("ETag"));
            assertThat(quick.getResponse().getHeader("Cache-Control")).isEqualTo("max-age=1, public, stale-while-revalidate=5")
                    .isEqualTo(slow.getResponse().getHeader("Cache-Control"));
        }

        String etag = mvc.perform(get(results + "/athletes/1")).andReturn().getResponse().getHeader("ETag");
        MvcResult notModified = mvc.perform(get(results + "/athletes/1").header("If-None-Match", etag)).andReturn();
        assertThat(notModified.getResponse().getStatus()).isEqualTo(304);
        assertThat(notModified.getHandler()).isNull();
    }

    @Test
    void aNewSnapshotIsANewVersionAndWhatTheQuickReadCannotAnswerGetsTheControllersProblem() throws Exception {
        mvc.perform(get(results)).andReturn();
        String before = mvc.perform(get(results + "/athletes/2")).andReturn().getResponse().getHeader("ETag");
        send(post("/api/timing/races/" + race + "/passings"), Map.of("id", "f2", "bib", 2, "point", "finish",
                "at", GUN.plusSeconds(40 * 60 + 12).toString(), "line", "MAIN"));
        await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(50)).until(() -> json.readTree(
                mvc.perform(get(results + "/athletes/2")).andReturn().getResponse().getContentAsString())
                .get("official").asString().equals("40:12"));
        MvcResult after = mvc.perform(get(results + "/athletes/2").header("If-None-Match", before)).andReturn();
        assertThat(after.getResponse().getStatus()).isEqualTo(200);
        assertThat(after.getResponse().getHeader("ETag")).isNotEqualTo(before);

        MvcResult unknownBib = mvc.perform(get(results + "/athletes/99")).andReturn();
        assertThat(unknownBib.getHandler()).isNotNull();
        assertThat(unknownBib.getResponse().getStatus()).isEqualTo(404);
        assertThat(unknownBib.getResponse().getContentType()).isEqualTo("application/problem+json");

        MvcResult badPage = mvc.perform(get(results + "/rankings/overall?page=two")).andReturn();
        assertThat(badPage.getHandler()).isNotNull();
        assertThat(badPage.getResponse().getStatus()).isEqualTo(400);

        MvcResult longQuery = mvc.perform(get(results + "/search?q=" + "a".repeat(61))).andReturn();
        assertThat(longQuery.getResponse().getStatus()).isEqualTo(400);
        assertThat(longQuery.getResponse().getContentAsString()).contains("\"q\"");

        MvcResult noRanking = mvc.perform(get(results + "/rankings/nonsense")).andReturn();
        assertThat(noRanking.getHandler()).isNotNull();
        assertThat(noRanking.getResponse().getStatus()).isEqualTo(404);
    }

    @Test
    void anAthleteKeepsBytesAndETagAcrossSnapshotsThatDoNotChangeWhatTheyShow() throws Exception {
        mvc.perform(get(results)).andReturn();
        MvcResult anna = mvc.perform(get(results + "/athletes/1")).andReturn();
        MvcResult beat = mvc.perform(get(results + "/athletes/2")).andReturn();
        String raceTag = mvc.perform(get(results)).andReturn().getResponse().getHeader("ETag");

        finish(2, 40 * 60 + 12, "40:12");
        MvcResult annaAfterBeat = mvc.perform(get(results + "/athletes/1")).andReturn();
        assertThat(annaAfterBeat.getHandler()).isNull();
        assertThat(annaAfterBeat.getResponse().getHeader("ETag")).isEqualTo(anna.getResponse().getHeader("ETag"));
        assertThat(annaAfterBeat.getResponse().getContentAsByteArray())
                .isEqualTo(anna.getResponse().getContentAsByteArray());
        assertThat(mvc.perform(get(results + "/athletes/1").header("If-None-Match",
                anna.getResponse().getHeader("ETag"))).andReturn().getResponse().getStatus()).isEqualTo(304);
        assertThat(mvc.perform(get(results)).andReturn().getResponse().getHeader("ETag"))
                .as("the race's summary shows the new finisher").isNotEqualTo(raceTag);
        MvcResult beatFinished = mvc.perform(get(results + "/athletes/2")).andReturn();
        assertThat(beatFinished.getResponse().getHeader("ETag")).isNotEqualTo(beat.getResponse().getHeader("ETag"));
        assertThat(json.readTree(beatFinished.getResponse().getContentAsString()).get("places").get("overall").asInt())
                .isEqualTo(1);

        finish(1, 38 * 60 + 2, "38:02");
        MvcResult beatSecond = mvc.perform(get(results + "/athletes/2")).andReturn();
        assertThat(beatSecond.getResponse().getHeader("ETag")).as("another athlete's passing moved Beat")
                .isNotEqualTo(beatFinished.getResponse().getHeader("ETag"));
        assertThat(json.readTree(beatSecond.getResponse().getContentAsString()).get("places").get("overall").asInt())
                .isEqualTo(2);
        MvcResult controller = mvc.perform(get(results + "/athletes/2").header("Authorization", bearer(operator)))
                .andReturn();
        assertThat(controller.getHandler()).isNotNull();
        assertThat(controller.getResponse().getHeader("ETag")).isEqualTo(beatSecond.getResponse().getHeader("ETag"));
        assertThat(controller.getResponse().getContentAsByteArray())
                .isEqualTo(beatSecond.getResponse().getContentAsByteArray());
    }

    private void finish(int bib, int seconds, String shown) throws Exception {
        send(post("/api/timing/races/" + race + "/passings"), Map.of("id", "f" + bib, "bib", bib, "point", "finish",
                "at", GUN.plusSeconds(seconds).toString(), "line", "MAIN"));
        await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(50)).until(() -> json.readTree(
                mvc.perform(get(results + "/athletes/" + bib)).andReturn().getResponse().getContentAsString())
                .get("official").asString().equals(shown));
    }

    private void send(MockHttpServletRequestBuilder request, Object body) throws Exception {
        var response = mvc.perform(request.header("Authorization", bearer(operator))
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body))).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
    }
}
