package dev.paddock.events.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The organizer API on the real database: set-up, versions, ownership, problem+json field names. */
@SpringBootTest
@ActiveProfiles("test")
@AutoConfigureMockMvc
class OrganizerApiIT {

    static final String PROBLEMS = "https://paddock.dev/problems/";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    final UUID organizer = UUID.randomUUID();

    @Test
    void anOrganizerSetsUpAnEventWithATeamRaceAndPublishesIt() throws Exception {
        String slug = slug();
        String eventId = id(call(post("/api/events/organizer/events"), organizer, "ORGANIZER", eventBody(slug, null))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("DRAFT"))
                .andExpect(jsonPath("$.version").value(0))
                .andExpect(jsonPath("$.zone").value("Europe/Zurich"))
                .andExpect(jsonPath("$.refundPolicy[0].percent").value(100)));

        String raceId = id(call(post("/api/events/organizer/events/" + eventId + "/races"), organizer, "ORGANIZER",
                raceBody("relay", 30, """
                        [{"key":"club","label":"Club","type":"TEXT","required":false,"visibility":"PUBLIC"},
                         {"key":"tshirt","label":"T-shirt","type":"CHOICE","required":true,"visibility":"PRIVATE",
                          "options":["S","M","L"]}]""", tiers(), """
                        {"minSize":3,"maxSize":3,"substitutes":1,"genderRule":"MIXED"}"""))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.capacity").value(30))
                .andExpect(jsonPath("$.team.minSize").value(3))
                .andExpect(jsonPath("$.team.genderRule").value("MIXED"))
                .andExpect(jsonPath("$.fields", hasSize(2)))
                .andExpect(jsonPath("$.fields[1].visibility").value("PRIVATE"))
                .andExpect(jsonPath("$.priceTiers", hasSize(2)))
                .andExpect(jsonPath("$.registration").value("SCHEDULED")));
        assertThat(jdbc.sql("select count(*) from events.places where race_id = :r").param("r", UUID.fromString(raceId))
                .query(Integer.class).single()).isEqualTo(30);

        call(post("/api/events/organizer/events/" + eventId + "/publish"), organizer, "ORGANIZER", null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PUBLISHED"))
                .andExpect(jsonPath("$.races[0].code").value("relay"));
        assertThat(jdbc.sql("select count(*) from audit.entries where type = 'EVENT_PUBLISHED' and details ->> 'eventId' = :id")
                .param("id", eventId).query(Integer.class).single()).isEqualTo(1);
        call(get("/api/events/organizer/events"), organizer, "ORGANIZER", null)
                .andExpect(jsonPath("$[*].id", hasItem(eventId)));
        mvc.perform(get("/api/events/" + slug)).andExpect(status().isOk())
                .andExpect(jsonPath("$.races[0].remaining").value(30))
                .andExpect(jsonPath("$.races[0].team.maxSize").value(3));
    }

    @Test
    void aStaleVersionIsAConflictAndChangesNothing() throws Exception {
        String eventId = event(organizer);
        call(patch("/api/events/organizer/events/" + eventId), organizer, "ORGANIZER", """
                {"version":0,"name":"Renamed Marathon","venue":"Bern"}""")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.name").value("Renamed Marathon"))
                .andExpect(jsonPath("$.country").value("CH"));
        call(patch("/api/events/organizer/events/" + eventId), organizer, "ORGANIZER", """
                {"version":0,"name":"Lost Update"}""")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "conflict"));
        call(get("/api/events/organizer/events/" + eventId), organizer, "ORGANIZER", null)
                .andExpect(jsonPath("$.name").value("Renamed Marathon"));

        String raceId = race(eventId, "10k");
        call(patch("/api/events/organizer/races/" + raceId), organizer, "ORGANIZER", """
                {"version":0,"name":"Ten K","individual":true,"bibMode":"AFTER_CLOSE"}""")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Ten K"))
                .andExpect(jsonPath("$.bibMode").value("AFTER_CLOSE"))
                .andExpect(jsonPath("$.team").doesNotExist());
        call(patch("/api/events/organizer/races/" + raceId), organizer, "ORGANIZER", """
                {"version":0,"name":"Stale"}""")
                .andExpect(status().isConflict());
    }

    @Test
    void anOrganizerNeverSeesNorEditsAnotherOrganizersEventButAnOperatorDoes() throws Exception {
        String eventId = event(organizer);
        String raceId = race(eventId, "half");
        UUID other = UUID.randomUUID();
        call(get("/api/events/organizer/events/" + eventId), other, "ORGANIZER", null)
                .andExpect(status().isNotFound());
        call(patch("/api/events/organizer/events/" + eventId), other, "ORGANIZER", """
                {"version":0,"name":"Hijacked"}""").andExpect(status().isNotFound());
        call(put("/api/events/organizer/races/" + raceId + "/capacity"), other, "ORGANIZER", """
                {"capacity":1}""").andExpect(status().isNotFound());
        call(get("/api/events/organizer/events"), other, "ORGANIZER", null)
                .andExpect(jsonPath("$[*].id", not(hasItem(eventId))));
        call(get("/api/events/organizer/events/" + eventId), UUID.randomUUID(), "CUSTOMER", null)
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/events/organizer/events")).andExpect(status().isUnauthorized());

        call(put("/api/events/organizer/races/" + raceId + "/capacity"), UUID.randomUUID(), "OPERATOR", """
                {"capacity":12}""").andExpect(status().isOk()).andExpect(jsonPath("$.capacity").value(12));
        call(get("/api/events/organizer/events"), UUID.randomUUID(), "ADMIN", null)
                .andExpect(jsonPath("$[*].id", hasItem(eventId)));
    }

    @Test
    void badInputIsNamedAsTheClientSentIt() throws Exception {
        String eventId = event(organizer);
        call(post("/api/events/organizer/events/" + eventId + "/races"), organizer, "ORGANIZER",
                raceBody("bad", 10, """
                        [{"key":"club","label":"Club","type":"TEXT","required":false,"visibility":"PUBLIC"},
                         {"key":"club","label":"Size","type":"CHOICE","required":true,"visibility":"PRIVATE","options":["S"]}]""",
                        """
                        [{"name":"Early","startsAt":"2030-01-01T00:00:00Z","endsAt":"2030-03-01T00:00:00Z","priceCents":5000},
                         {"name":"Late","startsAt":"2030-02-01T00:00:00Z","endsAt":"2030-05-01T00:00:00Z","priceCents":7000}]""",
                        """
                        {"minSize":4,"maxSize":3}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "validation"))
                .andExpect(jsonPath("$.errors[*].field", hasItem("fields[1].key")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("fields[1].options")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("priceTiers[1].startsAt")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("team.maxSize")));
        assertThat(jdbc.sql("select count(*) from events.races where event_id = :e").param("e", UUID.fromString(eventId))
                .query(Integer.class).single()).isZero();

        String raceId = race(eventId, "marathon");
        call(put("/api/events/organizer/races/" + raceId + "/price-tiers"), organizer, "ORGANIZER", """
                [{"name":"Early","startsAt":"2030-01-01T00:00:00Z","endsAt":"2030-02-01T00:00:00Z","priceCents":5000},
                 {"name":"Late","startsAt":"2030-03-01T00:00:00Z","endsAt":"2030-05-01T00:00:00Z","priceCents":7000}]""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("[1].startsAt"))
                .andExpect(jsonPath("$.errors[0].code").value("gap"));
        call(put("/api/events/organizer/races/" + raceId + "/price-tiers"), organizer, "ORGANIZER", """
                [{"name":"Early","startsAt":"2030-01-01T00:00:00Z","endsAt":"2030-02-01T00:00:00Z","priceCents":50.5}]""")
                .andExpect(status().isBadRequest());
        call(put("/api/events/organizer/races/" + raceId + "/fields"), organizer, "ORGANIZER", """
                [{"key":"first_name","label":"Name","type":"TEXT","required":true,"visibility":"PUBLIC"}]""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("[0].key"))
                .andExpect(jsonPath("$.errors[0].code").value("reserved"));
        call(post("/api/events/organizer/events/" + eventId + "/races"), organizer, "ORGANIZER",
                raceBody("marathon", 10, "[]", "[]", "null"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("code"))
                .andExpect(jsonPath("$.errors[0].code").value("taken"));
        call(post("/api/events/organizer/events"), organizer, "ORGANIZER", eventBody("Bad Slug!", null))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("slug"));
        call(post("/api/events/organizer/events/" + eventId + "/promo-codes"), organizer, "ORGANIZER", """
                {"code":"early-10","kind":"PERCENT","valueCents":500,"raceIds":["%s"]}""".formatted(UUID.randomUUID()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("percent")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("valueCents")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("raceIds[0]")));
    }

    @Test
    void capacityRegistrationAndPromoCodesAreSetThroughTheirOwnRequests() throws Exception {
        String eventId = event(organizer);
        String raceId = race(eventId, "marathon");
        call(put("/api/events/organizer/races/" + raceId + "/capacity"), organizer, "ORGANIZER", """
                {"capacity":25}""").andExpect(status().isOk()).andExpect(jsonPath("$.capacity").value(25));
        assertThat(jdbc.sql("select count(*) from events.places where race_id = :r").param("r", UUID.fromString(raceId))
                .query(Integer.class).single()).isEqualTo(25);
        assertThat(jdbc.sql("select count(*) from audit.entries where type = 'RACE_CAPACITY_CHANGED' and details ->> 'raceId' = :id")
                .param("id", raceId).query(Integer.class).single()).isEqualTo(1);

        call(post("/api/events/organizer/races/" + raceId + "/registration/open"), organizer, "ORGANIZER", null)
                .andExpect(jsonPath("$.registration").value("OPEN"))
                .andExpect(jsonPath("$.registrationNow").value("OPEN"));
        call(post("/api/events/organizer/races/" + raceId + "/registration/close"), organizer, "ORGANIZER", null)
                .andExpect(jsonPath("$.registration").value("CLOSED"))
                .andExpect(jsonPath("$.registrationNow").value("CLOSED"));

        call(post("/api/events/organizer/events/" + eventId + "/promo-codes"), organizer, "ORGANIZER", """
                {"code":"early-10","kind":"PERCENT","percent":10,"raceIds":["%s"],"maxUses":100}""".formatted(raceId))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.code").value("EARLY-10"))
                .andExpect(jsonPath("$.uses").value(0));
        call(post("/api/events/organizer/events/" + eventId + "/promo-codes"), organizer, "ORGANIZER", """
                {"code":"EARLY-10","kind":"AMOUNT","valueCents":500}""")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].code").value("taken"));
        call(get("/api/events/organizer/events/" + eventId + "/promo-codes"), organizer, "ORGANIZER", null)
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].percent").value(10));

        call(post("/api/events/organizer/events/" + eventId + "/cancel"), organizer, "ORGANIZER", null)
                .andExpect(jsonPath("$.status").value("CANCELLED"));
        call(put("/api/events/organizer/races/" + raceId + "/capacity"), organizer, "ORGANIZER", """
                {"capacity":30}""").andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value(PROBLEMS + "event-cancelled"));
    }

    @Test
    void aDraftWithoutRacesIsNotPublishedAndStaysHidden() throws Exception {
        String slug = slug();
        String eventId = id(call(post("/api/events/organizer/events"), organizer, "ORGANIZER", eventBody(slug, "Europe/Paris"))
                .andExpect(jsonPath("$.zone").value("Europe/Paris")));
        call(post("/api/events/organizer/events/" + eventId + "/publish"), organizer, "ORGANIZER", null)
                .andExpect(status().isConflict()).andExpect(jsonPath("$.type").value(PROBLEMS + "no-races"));
        mvc.perform(get("/api/events/" + slug)).andExpect(status().isNotFound());
        call(post("/api/events/organizer/events"), organizer, "ORGANIZER", eventBody(slug, null))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("slug"))
                .andExpect(jsonPath("$.errors[0].code").value("taken"));
    }

    // helpers shared by the catalogue's ITs

    static final LocalDate DAY = LocalDate.of(2030, 6, 2);

    static String slug() {
        return "t-" + UUID.randomUUID().toString().substring(0, 12);
    }

    static String eventBody(String slug, String zone) {
        return """
                {"slug":"%s","name":"Test Marathon","sport":"RUNNING","description":"Along the lake","venue":"Zürich",
                 "region":"ZH","country":"CH","zone":%s,"startsOn":"%s","endsOn":"%s",
                 "refundPolicy":[{"daysBefore":30,"percent":100},{"daysBefore":7,"percent":50}],
                 "transferDeadline":null,"transferFeeCents":1000}"""
                .formatted(slug, zone == null ? "null" : "\"" + zone + "\"", DAY, DAY);
    }

    static String tiers() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        return """
                [{"name":"Early bird","startsAt":"%s","endsAt":"%s","priceCents":8000},
                 {"name":"Regular","startsAt":"%s","endsAt":"2030-06-01T00:00:00Z","priceCents":9500}]"""
                .formatted(now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(10)), now.plus(Duration.ofDays(10)));
    }

    static String raceBody(String code, int capacity, String fields, String tiers, String team) {
        Instant start = DAY.atTime(9, 0).atZone(ZoneId.of("Europe/Zurich")).toInstant();
        return """
                {"code":"%s","name":"Race %s","distanceM":42195,"elevationGainM":150,"startsAt":"%s","capacity":%d,
                 "mode":"FIRST_COME","registrationOpensAt":"%s","registrationClosesAt":"2030-05-31T00:00:00Z",
                 "minAge":18,"maxAge":null,"fields":%s,"priceTiers":%s,"team":%s,"bibMode":"AT_PAYMENT",
                 "waitlistOfferHours":48}"""
                .formatted(code, code, start, capacity, Instant.now().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS),
                        fields, tiers, team);
    }

    String event(UUID owner) throws Exception {
        return id(call(post("/api/events/organizer/events"), owner, "ORGANIZER", eventBody(slug(), null))
                .andExpect(status().isCreated()));
    }

    String race(String eventId, String code) throws Exception {
        return id(call(post("/api/events/organizer/events/" + eventId + "/races"), organizer, "ORGANIZER",
                raceBody(code, 10, "[]", tiers(), "{\"minSize\":2,\"maxSize\":2}")).andExpect(status().isCreated()));
    }

    ResultActions call(MockHttpServletRequestBuilder request, UUID account, String role, String body) throws Exception {
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        return mvc.perform(request.with(as(account, role)));
    }

    static RequestPostProcessor as(UUID account, String role) {
        return jwt().jwt(j -> j.subject(account.toString()).claim("roles", List.of(role)))
                .authorities(new SimpleGrantedAuthority("ROLE_" + role));
    }

    static String id(ResultActions result) throws Exception {
        return JsonPath.read(result.andReturn().getResponse().getContentAsString(), "$.id");
    }
}
