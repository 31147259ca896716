package dev.paddock.timing;

import static dev.paddock.identity.TestAccounts.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
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
 * The public results pages for anonymous visitors: rendered once ahead of Spring MVC (the same page as Spring MVC
 * renders for them), then answered from memory with the same bytes, an ETag and public caching, for as long as what the page shows does not change; a page
 * whose athlete did not change keeps its bytes and ETag across snapshots. Signed-in visitors still get their page
 * from Spring MVC, with their own layout.
 */
@SpringBootTest(properties = "paddock.timing.pages.fresh-for=0ms")
@ActiveProfiles("test")
@AutoConfigureMockMvc
class ResultsPagesFromMemoryIT {

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
    String pages;

    @BeforeEach
    void race() throws Exception {
        operator = accounts.accessToken(mvc, accounts.create(Role.OPERATOR));
        race = race("Pages 10K");
        pages = "/results/races/" + race;
    }

    /** A race of two, Anna finished in 38:05, its board in memory. */
    private UUID race(String name) throws Exception {
        UUID race = TimingFixtures.race(jdbc, name, 10_000, GUN);
        TimingFixtures.starter(jdbc, race, 1, "Anna", "Muster", "F", "1990-02-01", Map.of());
        TimingFixtures.starter(jdbc, race, 2, "Beat", "Brändli", "M", "1985-07-12", Map.of());
        send(put("/api/timing/races/" + race), Map.of("officialClock", "GUN",
                "points", List.of(Map.of("code", "start", "kind", "START", "distanceM", 0),
                        Map.of("code", "finish", "kind", "FINISH", "distanceM", 10000))));
        send(post("/api/timing/races/" + race + "/start"), Map.of("at", GUN.toString()));
        finish(race, "f1", 1, 38 * 60 + 5);
        await().atMost(Duration.ofSeconds(2)).until(() -> mvc.perform(get("/api/results/races/" + race + "/athletes/1"))
                .andReturn().getResponse().getContentAsString().contains("38:05"));
        return race;
    }

    @Test
    void anAnonymousPageIsRenderedOnceThenAnsweredFromMemoryWithTheSameBytes() throws Exception {
        for (String path : List.of("", "?ranking=overall&page=0", "/table?ranking=gender&group=F", "/athletes/1",
                "/athletes/1/card", "?q=anna")) {
            MvcResult first = mvc.perform(get(pages + path)).andReturn();
            assertThat(first.getHandler()).as(path + ": rendered ahead of Spring MVC").isNull();
            assertThat(first.getResponse().getStatus()).as(path).isEqualTo(200);
            assertThat(first.getResponse().getHeader("Set-Cookie")).as(path + ": no session for a visitor").isNull();
            assertThat(first.getResponse().getContentAsString()).as(path).doesNotContain("csrf-token");

            MvcResult second = mvc.perform(get(pages + path)).andReturn();
            assertThat(second.getHandler()).as(path + ": from memory").isNull();
            assertThat(second.getResponse().getContentAsByteArray()).as(path)
                    .isEqualTo(first.getResponse().getContentAsByteArray());
            assertThat(second.getResponse().getContentType()).isEqualTo("text/html;charset=UTF-8");
            assertThat(second.getResponse().getHeader("ETag")).isNotNull()
                    .isEqualTo(first.getResponse().getHeader("ETag"));
            assertThat(second.getResponse().getHeader("Cache-Control")).as(path + ": live fragments are revalidated")
                    .isEqualTo(path.contains("/table") || path.contains("/card") ? "no-cache"
                            : "max-age=1, public, stale-while-revalidate=5")
                    .isEqualTo(first.getResponse().getHeader("Cache-Control"));
            assertThat(second.getResponse().getHeader("X-Frame-Options")).isEqualTo("DENY");

            MvcResult notModified = mvc.perform(get(pages + path)
                    .header("If-None-Match", first.getResponse().getHeader("ETag"))).andReturn();
            assertThat(notModified.getResponse().getStatus()).as(path).isEqualTo(304);
            assertThat(notModified.getHandler()).isNull();
        }
        String athlete = mvc.perform(get(pages + "/athletes/1")).andReturn().getResponse().getContentAsString();
        assertThat(athlete).contains("Anna Muster", "38:05", "/results/races/" + race + "/athletes/1/certificate.pdf",
                "results:" + race + ":1", "/webjars/htmx.org/");
    }

    @Test
    void aPageKeepsItsBytesWhileWhatItShowsIsUnchangedAndIsRenderedAgainWhenItChanges() throws Exception {
        MvcResult anna = mvc.perform(get(pages + "/athletes/1")).andReturn();
        String beatTag = mvc.perform(get(pages + "/athletes/2")).andReturn().getResponse().getHeader("ETag");
        MvcResult racePage = mvc.perform(get(pages)).andReturn();
        String annaTag = anna.getResponse().getHeader("ETag");
        String raceTag = racePage.getResponse().getHeader("ETag");

        finish(race, "f2", 2, 40 * 60 + 12);
        await().atMost(Duration.ofSeconds(2)).until(() -> mvc.perform(get("/api/results/races/" + race + "/athletes/2"))
                .andReturn().getResponse().getContentAsString().contains("40:12"));

        MvcResult annaAgain = mvc.perform(get(pages + "/athletes/1")).andReturn();
        assertThat(annaAgain.getHandler()).as("Anna's page shows the same: kept").isNull();
        assertThat(annaAgain.getResponse().getHeader("ETag")).isEqualTo(annaTag);

        MvcResult beat = mvc.perform(get(pages + "/athletes/2")).andReturn();
        assertThat(beat.getResponse().getHeader("ETag")).as("Beat finished: rendered again").isNotEqualTo(beatTag);
        assertThat(beat.getResponse().getContentAsString()).contains("40:12");
        assertThat(mvc.perform(get(pages + "/athletes/2")).andReturn().getResponse().getContentAsByteArray())
                .isEqualTo(beat.getResponse().getContentAsByteArray());

        MvcResult raceAgain = mvc.perform(get(pages).header("If-None-Match", raceTag)).andReturn();
        assertThat(raceAgain.getResponse().getStatus()).as("two finishers now").isEqualTo(200);
        assertThat(raceAgain.getResponse().getContentAsString()).contains("Beat Brändli");
        assertThat(raceAgain.getResponse().getHeader("ETag")).isNotEqualTo(raceTag);
    }

    @Test
    void aColdPageAskedManyTimesAtOnceAnswersTheSameBytesToAll() throws Exception {
        List<java.util.concurrent.Future<MvcResult>> answers = new java.util.ArrayList<>();
        try (var threads = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 16; i++) {
                answers.add(threads.submit(() -> mvc.perform(get(pages + "?ranking=overall&page=0")).andReturn()));
            }
        }
        byte[] first = answers.getFirst().get().getResponse().getContentAsByteArray();
        assertThat(new String(first, java.nio.charset.StandardCharsets.UTF_8)).contains("Anna Muster");
        for (var answer : answers) {
            assertThat(answer.get().getResponse().getStatus()).isEqualTo(200);
            assertThat(answer.get().getResponse().getContentAsByteArray()).isEqualTo(first);
        }
    }

    @Test
    void aPageRenderedAheadOfSpringMvcIsThePageSpringMvcRendersForAnAnonymousVisitor() throws Exception {
        UUID twin = race("Pages 10K");
        for (String path : List.of("", "?ranking=overall&page=0", "/table?ranking=gender&group=F", "/athletes/1",
                "/athletes/1/card", "?q=anna", "/athletes/2")) {
            MvcResult quick = mvc.perform(get(pages + path)).andReturn();
            // a session cookie sends an anonymous visitor through the security chain to Spring MVC
            MvcResult spring = mvc.perform(get("/results/races/" + twin + path).with(request -> {
                request.setRequestedSessionId("anonymous");
                return request;
            })).andReturn();
            assertThat(quick.getHandler()).as(path).isNull();
            assertThat(spring.getHandler()).as(path).isNotNull();
            assertThat(spring.getResponse().getStatus()).as(path).isEqualTo(200);
            assertThat(quick.getResponse().getContentAsString().replace(race.toString(), twin.toString())).as(path)
                    .isEqualTo(spring.getResponse().getContentAsString());
        }
    }

    /**
     * SpEL compiles an expression to bytecode once it has been interpreted 100 times
     * ({@code spring.thymeleaf.enable-spring-el-compiler}): pages rendered after that, by Spring MVC and ahead of it,
     * are the pages rendered before.
     */
    @Test
    void pagesRenderedOnceTheirExpressionsAreCompiledAreThePagesRenderedBefore() throws Exception {
        for (String path : List.of("", "/table?ranking=gender&group=F", "/athletes/1", "?q=anna")) {
            String first = null;
            for (int rendering = 0; rendering < 150; rendering++) {
                // a session cookie sends an anonymous visitor to Spring MVC, which renders the page every time
                String page = mvc.perform(get(pages + path).with(request -> {
                    request.setRequestedSessionId("anonymous");
                    return request;
                })).andReturn().getResponse().getContentAsString();
                first = first == null ? page : first;
                assertThat(page).as("%s, rendering %d", path, rendering).isEqualTo(first);
            }
            assertThat(mvc.perform(get(pages + path)).andReturn().getResponse().getContentAsString())
                    .as(path + ": rendered ahead of Spring MVC").isEqualTo(first);
        }
        assertThat(mvc.perform(get(pages + "/athletes/1")).andReturn().getResponse().getContentAsString())
                .contains("Anna Muster", "38:05");
    }

    @Test
    void signedInVisitorsAndErrorsTakeSpringMvc() throws Exception {
        mvc.perform(get(pages + "/athletes/1")).andReturn();
        var account = accounts.create();
        MvcResult signedIn = mvc.perform(get(pages + "/athletes/1").with(user(TestAccounts.principal(account)))
                .with(request -> {
                    request.setRequestedSessionId("signed-in");
                    return request;
                })).andReturn();
        assertThat(signedIn.getHandler()).isNotNull();
        assertThat(signedIn.getResponse().getContentAsString()).contains("/logout").contains("Anna Muster");
        assertThat(signedIn.getResponse().getHeader("ETag")).isNull();

        MvcResult unknown = mvc.perform(get(pages + "/athletes/99")).andReturn();
        assertThat(unknown.getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(get(pages + "/athletes/99")).andReturn().getHandler()).as("errors are not kept").isNotNull();
        assertThat(mvc.perform(get(pages + "?ranking=nope")).andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(get(pages + "?page=x")).andReturn().getResponse().getStatus()).isEqualTo(400);
    }

    private void finish(UUID race, String id, int bib, int seconds) throws Exception {
        send(post("/api/timing/races/" + race + "/passings"), Map.of("id", id, "bib", bib, "point", "finish",
                "at", GUN.plusSeconds(seconds).toString(), "line", "MAIN"));
    }

    private void send(MockHttpServletRequestBuilder request, Object body) throws Exception {
        var response = mvc.perform(request.header("Authorization", bearer(operator))
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body))).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
    }
}
