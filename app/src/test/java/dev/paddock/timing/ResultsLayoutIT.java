package dev.paddock.timing;

import static dev.paddock.identity.TestAccounts.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import dev.paddock.identity.Role;
import dev.paddock.identity.TestAccounts;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * The results pages are decorated in plain Thymeleaf (layout/page), the other pages by the layout dialect
 * (layout/main): both must give the visitor the same head, header and footer, signed in or not.
 */
@SpringBootTest
@ActiveProfiles("test")
@AutoConfigureMockMvc
class ResultsLayoutIT {

    static final Instant GUN = Instant.parse("2027-05-02T07:00:00Z");
    static final Pattern CSRF_TOKEN = Pattern.compile("((name=\"csrf-token\" content|name=\"_csrf\" value)=\")[^\"]*");

    @Autowired
    MockMvc mvc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    UUID race;

    @BeforeEach
    void race() throws Exception {
        String operator = accounts.accessToken(mvc, accounts.create(Role.OPERATOR));
        race = TimingFixtures.race(jdbc, "Layout 10K", 10_000, GUN);
        TimingFixtures.starter(jdbc, race, 1, "Anna", "Muster", "F", "1990-02-01", Map.of());
        mvc.perform(put("/api/timing/races/" + race).header("Authorization", bearer(operator)).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("officialClock", "GUN",
                        "points", List.of(Map.of("code", "start", "kind", "START", "distanceM", 0),
                                Map.of("code", "finish", "kind", "FINISH", "distanceM", 10000))))));
    }

    @Test
    void anonymousResultsPagesHaveTheSameHeadHeaderAndFooterAsTheOtherPages() throws Exception {
        // the log-in page has a session, hence a CSRF token; anonymous results pages are rendered without one
        String other = page(get("/login")).replaceAll("<meta name=\"csrf-[^>]*>", "");
        for (String path : List.of("/results/races/" + race, "/results/races/" + race + "/athletes/1")) {
            String results = page(get(path));
            assertSameFrame(path, results, other);
            assertThat(results).as(path).doesNotContain("csrf-token").contains("/signup");
        }
    }

    @Test
    void signedInResultsPagesHaveTheSameHeadHeaderAndFooterAsTheOtherPages() throws Exception {
        var principal = TestAccounts.principal(accounts.create());
        String other = page(get("/account").with(user(principal)));
        for (String path : List.of("/results/races/" + race, "/results/races/" + race + "/athletes/1",
                "/account/results")) {
            // a signed-in browser sends its session cookie; without one a visitor is served as anonymous
            String results = page(get(path).with(user(principal)).with(request -> {
                request.setRequestedSessionId("signed-in");
                return request;
            }));
            assertSameFrame(path, results, other);
            assertThat(results).as(path).contains("csrf-token", "/logout");
        }
    }

    private static void assertSameFrame(String path, String results, String other) {
        assertThat(part(results, "<html", ">")).as(path + " html").isEqualTo(part(other, "<html", ">"));
        assertThat(headWithoutTitle(results)).as(path + " head").isEqualTo(headWithoutTitle(other));
        assertThat(part(results, "<body>", "</header>")).as(path + " header").isEqualTo(part(other, "<body>", "</header>"));
        assertThat(part(results, "<footer", "</html>")).as(path + " footer").isEqualTo(part(other, "<footer", "</html>"));
        assertThat(part(results, "<title>", "</title>")).as(path + " title").endsWith(" · Paddock</title>");
        assertThat(part(results, "</header>", "<footer")).as(path + " main").contains("<main id=\"main\" class=\"container\">");
    }

    private static String headWithoutTitle(String page) {
        String head = part(page, "<head>", "</head>");
        return head.replace(part(head, "<title>", "</title>"), "");
    }

    /** From the first start to the following end, both included, without whitespace between tags nor CSRF tokens. */
    private static String part(String page, String start, String end) {
        int from = page.indexOf(start);
        assertThat(from).as(start).isNotNegative();
        int to = page.indexOf(end, from + start.length());
        assertThat(to).as(end).isNotNegative();
        String part = page.substring(from, to + end.length()).replaceAll(">\\s+<", "><").replaceAll("\\s+", " ");
        return CSRF_TOKEN.matcher(part).replaceAll("$1");
    }

    private String page(MockHttpServletRequestBuilder request) throws Exception {
        var response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).as(request.toString()).isEqualTo(200);
        return response.getContentAsString();
    }
}
