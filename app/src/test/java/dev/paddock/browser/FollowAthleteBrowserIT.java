package dev.paddock.browser;

import static dev.paddock.identity.TestAccounts.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.paddock.identity.Role;
import dev.paddock.identity.TestAccounts;
import dev.paddock.timing.TimingFixtures;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * Following an athlete in a real headless Chromium: the athlete's results page, opened before the runner
 * reaches a mat, shows each split and then the finish as the timing operator's reads arrive, without a
 * reload, and the race's ranking page follows too. Skipped on a machine without chromium.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@AutoConfigureMockMvc
class FollowAthleteBrowserIT {

    static final Instant GUN = Instant.parse("2027-05-02T08:00:00Z");

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    private HeadlessChromium chromium;
    private String operator;
    private UUID race;

    @BeforeEach
    void raceUnderWay() throws Exception {
        chromium = HeadlessChromium.start(port);
        operator = accounts.accessToken(mvc, accounts.create(Role.OPERATOR));
        race = TimingFixtures.race(jdbc, "Half marathon of Lausanne", 21_097, GUN);
        TimingFixtures.starter(jdbc, race, 7, "Nadia", "Followed", "F", "1991-03-04", Map.of("club", "CA Riviera"));
        TimingFixtures.starter(jdbc, race, 8, "Olga", "Ahead", "F", "1988-08-08", Map.of());
        send(put("/api/timing/races/" + race), Map.of("officialClock", "GUN",
                "points", List.of(Map.of("code", "start", "kind", "START", "distanceM", 0),
                        Map.of("code", "km10", "kind", "SPLIT", "distanceM", 10_000),
                        Map.of("code", "finish", "kind", "FINISH", "distanceM", 21_097))));
        send(post("/api/timing/races/" + race + "/start"), Map.of("at", GUN.toString()));
    }

    @AfterEach
    void stopBrowser() throws Exception {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void theAthletePageAndTheRankingFollowTheReadsLive() throws Exception {
        chromium.open("/results/races/" + race + "/athletes/7");
        chromium.waitForLiveStream();
        assertThat(card()).contains("Nadia Followed").doesNotContain("46:40");

        passing("r1", 8, "km10", 44 * 60);
        passing("r2", 7, "km10", 46 * 60 + 40);
        chromium.wait.until(d -> card().contains("46:40"));
        assertThat(card()).contains("km10").doesNotContain("Official time");

        passing("r3", 7, "finish", 97 * 60 + 5);
        chromium.wait.until(d -> card().contains("1:37:05"));
        assertThat(card()).contains("Official time", "Certificate");

        chromium.open("/results/races/" + race);
        chromium.waitForLiveStream();
        assertThat(page()).contains("Nadia Followed").doesNotContain("Olga Ahead");
        passing("r4", 8, "finish", 95 * 60);
        chromium.wait.until(d -> page().contains("Olga Ahead"));
        assertThat(page().indexOf("Olga Ahead")).as("the new finisher ranks first").isLessThan(page().indexOf("Nadia Followed"));
    }

    private void passing(String id, int bib, String point, int secondsAfterGun) throws Exception {
        send(post("/api/timing/races/" + race + "/passings"), Map.of("id", id, "bib", bib, "point", point,
                "at", GUN.plusSeconds(secondsAfterGun).toString(), "line", "MAIN"));
    }

    private void send(MockHttpServletRequestBuilder request, Object body) throws Exception {
        mvc.perform(request.header("Authorization", bearer(operator)).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body))).andExpect(status().is2xxSuccessful());
    }

    // Read in one script call: htmx swaps the card, so a found element can go stale before use.
    private String card() {
        Object text = chromium.script("var c = document.getElementById('athlete-card'); return c ? c.textContent : ''");
        return text == null ? "" : (String) text;
    }

    private String page() {
        Object text = chromium.script("return document.querySelector('main') ? document.querySelector('main').textContent : ''");
        return text == null ? "" : (String) text;
    }
}
