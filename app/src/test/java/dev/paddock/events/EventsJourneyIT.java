package dev.paddock.events;

import static dev.paddock.identity.TestAccounts.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.paddock.identity.Role;
import dev.paddock.identity.TestAccounts;
import dev.paddock.identity.account.Account;
import dev.paddock.wallet.LedgerChecks;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole of issue 5 through the API, across the module's parts: an organizer sets up an event with
 * custom fields and a team race, athletes register alone and as a team and pay, bibs come at payment, the
 * race fills and the next athlete waits, a cancellation refunds and offers the place to the waitlist, the
 * offer is accepted, and the organizer's statistics and exports see it all.
 */
@SpringBootTest
@ActiveProfiles("test")
@AutoConfigureMockMvc
class EventsJourneyIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;


    @Test
    void anEventFromSetUpToAFullRaceAndItsWaitlist() throws Exception {
        Account organizer = accounts.create(Role.ORGANIZER);
        String organizerToken = accounts.accessToken(mvc, organizer);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        // the race day in the event's zone: from 23:00 UTC, Zürich is already on the next day
        LocalDate raceDay = LocalDate.ofInstant(now.plus(60, ChronoUnit.DAYS), java.time.ZoneId.of("Europe/Zurich"));
        String slug = "journey-" + UUID.randomUUID().toString().substring(0, 8);

        Map<String, Object> newEvent = new java.util.HashMap<>(Map.of("slug", slug, "name", "Journey Run",
                "sport", "RUNNING", "description", "A test", "venue", "Zürich", "region", "ZH", "country", "CH",
                "zone", "Europe/Zurich", "startsOn", raceDay.toString()));
        newEvent.put("endsOn", raceDay.toString());
        newEvent.put("refundPolicy", List.of(Map.of("daysBefore", 30, "percent", 80)));
        newEvent.put("transferFeeCents", 1000);
        JsonNode event = call(organizerToken, post("/api/events/organizer/events"), newEvent, 201);
        String eventId = event.get("id").asString();
        Instant raceStart = now.plus(60, ChronoUnit.DAYS);
        List<Map<String, Object>> fields = List.of(
                Map.of("key", "club", "label", "Club", "type", "TEXT", "required", false, "visibility", "PUBLIC"),
                Map.of("key", "tshirt", "label", "T-shirt", "type", "CHOICE", "required", true,
                        "visibility", "PRIVATE", "options", List.of("S", "M", "L")));
        JsonNode tenK = call(organizerToken, post("/api/events/organizer/events/" + eventId + "/races"), race("10k",
                "10 km", 10_000, 3, raceStart, now, fields, null), 201);
        JsonNode relay = call(organizerToken, post("/api/events/organizer/events/" + eventId + "/races"), race("duo",
                "Duo relay", 21_097, 10, raceStart, now, fields,
                Map.of("minSize", 2, "maxSize", 2, "substitutes", 0, "genderRule", "ANY")), 201);
        String tenKId = tenK.get("id").asString();
        String relayId = relay.get("id").asString();
        call(organizerToken, put("/api/events/organizer/races/" + tenKId + "/bib-ranges"),
                List.of(Map.of("firstBib", 100, "lastBib", 199)), 200);
        call(organizerToken, put("/api/events/organizer/races/" + relayId + "/bib-ranges"),
                List.of(Map.of("firstBib", 500, "lastBib", 599)), 200);
        call(organizerToken, post("/api/events/organizer/events/" + eventId + "/publish"), Map.of(), 200);

        JsonNode page = json.readTree(mvc.perform(get("/api/events/" + slug)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        assertThat(page.get("races")).hasSize(2);

        List<Account> athletes = List.of(accounts.create(), accounts.create(), accounts.create(), accounts.create());
        List<String> tokens = new java.util.ArrayList<>();
        for (Account athlete : athletes) {
            String token = accounts.accessToken(mvc, athlete);
            tokens.add(token);
            mvc.perform(post("/api/wallet/deposits").header("Authorization", bearer(token))
                            .header("Idempotency-Key", UUID.randomUUID().toString())
                            .contentType(MediaType.APPLICATION_JSON).content("{\"amount\": 20000}"))
                    .andExpect(status().is2xxSuccessful());
        }

        List<String> registrations = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            JsonNode answer = call(tokens.get(i), post("/api/events/races/" + tenKId + "/registrations"),
                    registration("Runner" + i, Map.of("club", "LC Zürich", "tshirt", "M")), 201);
            registrations.add(answer.get("registrations").get(0).get("id").asString());
            assertThat(answer.get("status").asString()).isEqualTo(i < 3 ? "CONFIRMED" : "WAITLISTED");
            if (i < 3) {
                assertThat(answer.get("registrations").get(0).get("bib").asInt()).isBetween(100, 199);
            }
        }

        JsonNode team = call(tokens.get(0), post("/api/events/races/" + relayId + "/teams"), Map.of(
                "requestId", UUID.randomUUID().toString(), "name", "Zürich Duo", "payment", "WALLET",
                "members", List.of(
                        Map.of("athlete", athlete("Anna", "F"), "answers", Map.of("tshirt", "S"), "role", "MEMBER"),
                        Map.of("athlete", athlete("Beat", "M"), "answers", Map.of("tshirt", "L"), "role", "MEMBER"))),
                201);
        assertThat(team.get("registrations")).hasSize(2);
        int firstBib = team.get("registrations").get(0).get("bib").asInt();
        int secondBib = team.get("registrations").get(1).get("bib").asInt();
        assertThat(Math.abs(firstBib - secondBib)).as("a team's bibs are a block").isEqualTo(1);

        call(tokens.get(1), post("/api/events/registrations/" + registrations.get(1) + "/cancel"),
                Map.of("requestId", UUID.randomUUID().toString()), 200);
        await().atMost(Duration.ofSeconds(10)).until(() -> "OFFERED".equals(statusOf(registrations.get(3))));
        JsonNode accepted = call(tokens.get(3), post("/api/events/registrations/" + registrations.get(3) + "/accept"),
                Map.of("requestId", UUID.randomUUID().toString(), "payment", "WALLET"), 201);
        assertThat(statusOf(registrations.get(3))).isEqualTo("CONFIRMED");
        assertThat(accepted.toString()).contains("CONFIRMED");

        assertThat(jdbc.sql("select count(*) from events.registrations where race_id = ?::uuid and status = 'CONFIRMED'")
                .params(tenKId).query(Integer.class).single()).isEqualTo(3);
        LedgerChecks ledger = new LedgerChecks(jdbc);
        assertThat(ledger.unbalancedEntries()).isZero();
        for (Account athlete : athletes) {
            assertThat(ledger.storedBalance(athlete.id())).isEqualTo(ledger.sumOfPostings(athlete.id()));
        }

        String publicCsv = mvc.perform(get("/api/events/organizer/events/" + eventId + "/participants.csv")
                        .param("fields", "public").header("Authorization", bearer(organizerToken)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String fullCsv = mvc.perform(get("/api/events/organizer/events/" + eventId + "/participants.csv")
                        .param("fields", "all").header("Authorization", bearer(organizerToken)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(publicCsv).contains("LC Zürich").doesNotContain("tshirt");
        assertThat(fullCsv.lines().findFirst().orElseThrow()).endsWith("club,tshirt");
        mvc.perform(get("/api/events/organizer/events/" + eventId + "/participants.csv")
                .header("Authorization", bearer(tokens.get(0)))).andExpect(status().isForbidden());
        mvc.perform(get("/api/events/organizer/events/" + eventId + "/stats")
                .header("Authorization", bearer(organizerToken))).andExpect(status().isOk());
    }

    private String statusOf(String registration) {
        return jdbc.sql("select status from events.registrations where id = ?::uuid").params(registration)
                .query(String.class).single();
    }

    private Map<String, Object> race(String code, String name, int metres, int capacity, Instant start, Instant now,
            List<Map<String, Object>> fields, Map<String, Object> team) {
        Map<String, Object> race = new java.util.HashMap<>(Map.of("code", code, "name", name, "distanceM", metres,
                "startsAt", start.toString(), "capacity", capacity, "mode", "FIRST_COME",
                "registrationOpensAt", now.minus(1, ChronoUnit.DAYS).toString(),
                "registrationClosesAt", start.minus(7, ChronoUnit.DAYS).toString(), "fields", fields));
        race.put("priceTiers", List.of(Map.of("name", "Regular", "startsAt", now.minus(1, ChronoUnit.DAYS).toString(),
                "endsAt", start.toString(), "priceCents", 5000)));
        race.put("bibMode", "AT_PAYMENT");
        race.put("waitlistOfferHours", 48);
        if (team != null) {
            race.put("team", team);
        }
        return race;
    }

    private Map<String, Object> registration(String lastName, Map<String, Object> answers) {
        return Map.of("requestId", UUID.randomUUID().toString(), "athlete", athlete(lastName, "F"),
                "answers", answers, "payment", "WALLET", "waitlist", true);
    }

    private Map<String, Object> athlete(String lastName, String gender) {
        return Map.of("firstName", "Test", "lastName", lastName, "gender", gender, "birthDate", "1988-03-14",
                "nationality", "CH", "email", lastName.toLowerCase() + "-" + UUID.randomUUID() + "@example.test");
    }

    private JsonNode call(String token, MockHttpServletRequestBuilder request, Object body, int expected)
            throws Exception {
        String answer = mvc.perform(request.header("Authorization", bearer(token))
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)))
                .andExpect(status().is(expected)).andReturn().getResponse().getContentAsString();
        return answer.isBlank() ? json.createObjectNode() : json.readTree(answer);
    }
}
