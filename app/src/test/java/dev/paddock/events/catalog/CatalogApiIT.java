package dev.paddock.events.catalog;

import static dev.paddock.events.catalog.OrganizerApiIT.as;
import static dev.paddock.events.catalog.OrganizerApiIT.eventBody;
import static dev.paddock.events.catalog.OrganizerApiIT.id;
import static dev.paddock.events.catalog.OrganizerApiIT.raceBody;
import static dev.paddock.events.catalog.OrganizerApiIT.slug;
import static dev.paddock.events.catalog.OrganizerApiIT.tiers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** The public catalogue API on the real database: filters, places left, private answers, HTTP caching. */
@SpringBootTest
@ActiveProfiles("test")
@AutoConfigureMockMvc
class CatalogApiIT {

    static final String FIELDS = """
            [{"key":"club","label":"Club","type":"TEXT","required":false,"visibility":"PUBLIC"},
             {"key":"emergency","label":"Emergency contact","type":"TEXT","required":true,"visibility":"PRIVATE"}]""";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    final UUID organizer = UUID.randomUUID();

    @Test
    void theEventShowsRemainingPlacesAndPricesAndTheListHidesPrivateAnswers() throws Exception {
        String slug = slug();
        String eventId = publishedEvent(slug, eventBody(slug, null));
        String raceId = race(eventId, "marathon", 5);
        publish(eventId);
        confirmed(eventId, raceId, "Anna", "Zeller", "{\"club\":\"LC Zürich\",\"emergency\":\"SECRET-PHONE-0791\"}");
        confirmed(eventId, raceId, "Bruno", "Arnold", "{\"club\":\"TV Bern\",\"emergency\":\"SECRET-PHONE-0792\"}");

        mvc.perform(get("/api/events/" + slug))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", "max-age=1, public"))
                .andExpect(header().exists("ETag"))
                .andExpect(jsonPath("$.status").value("PUBLISHED"))
                .andExpect(jsonPath("$.races[0].code").value("marathon"))
                .andExpect(jsonPath("$.races[0].capacity").value(5))
                .andExpect(jsonPath("$.races[0].remaining").value(3))
                .andExpect(jsonPath("$.races[0].registration").value("OPEN"))
                .andExpect(jsonPath("$.races[0].priceCents").value(8000))
                .andExpect(jsonPath("$.races[0].priceTier").value("Early bird"))
                .andExpect(jsonPath("$.races[0].nextPriceTier.priceCents").value(9500))
                .andExpect(jsonPath("$.races[0].fields", hasSize(2)));

        MvcResult list = mvc.perform(get("/api/events/" + slug + "/participants").param("race", "marathon"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.participants[*].lastName", contains("Arnold", "Zeller")))
                .andExpect(jsonPath("$.participants[1].fields.club").value("LC Zürich"))
                .andExpect(jsonPath("$.participants[1].fields.emergency").doesNotExist())
                .andReturn();
        assertThat(list.getResponse().getContentAsString()).doesNotContain("SECRET-PHONE").doesNotContain("emergency");
        mvc.perform(get("/api/events/" + slug + "/participants").param("race", "marathon").param("q", "zel"))
                .andExpect(jsonPath("$.participants", hasSize(1)))
                .andExpect(jsonPath("$.participants[0].firstName").value("Anna"));
        mvc.perform(get("/api/events/" + slug + "/participants").param("race", "nope"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("race"));

        String page = mvc.perform(get("/events/" + slug + "/participants").param("race", "marathon"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Zeller").contains("LC Zürich").doesNotContain("SECRET-PHONE");
        // decorated by the plain layout/page: the site's header and footer, its own stylesheet, a suffixed title
        assertThat(page).contains("/css/events-catalog.css").contains("/css/paddock.css").contains("class=\"skip-link\"")
                .contains("<footer").containsPattern("<title>[^<]+ · Paddock</title>");
    }

    @Test
    void anUnchangedAnswerIsNotSentAgain() throws Exception {
        String slug = slug();
        String eventId = publishedEvent(slug, eventBody(slug, null));
        race(eventId, "10k", 100);
        publish(eventId);
        String etag = mvc.perform(get("/api/events/" + slug)).andExpect(status().isOk())
                .andReturn().getResponse().getHeader("ETag");
        mvc.perform(get("/api/events/" + slug).header("If-None-Match", etag))
                .andExpect(status().isNotModified())
                .andExpect(header().string("ETag", etag))
                .andExpect(content().bytes(new byte[0]));
        mvc.perform(get("/api/events/" + slug).header("If-None-Match", "\"something-else\""))
                .andExpect(status().isOk());
        String raceId = com.jayway.jsonpath.JsonPath.read(mvc.perform(get("/api/events/" + slug)).andReturn().getResponse()
                .getContentAsString(), "$.races[0].id");
        call(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(
                "/api/events/organizer/races/" + raceId + "/capacity"), "{\"capacity\":120}").andExpect(status().isOk());
        mvc.perform(get("/api/events/" + slug).header("If-None-Match", etag))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.races[0].capacity").value(120))
                .andExpect(header().string("ETag", not(etag)));

        String pageTag = mvc.perform(get("/events/" + slug)).andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", "max-age=1, public"))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("/events/" + slug + "/10k/register")))
                .andExpect(content().string(not(org.hamcrest.Matchers.containsString("csrf-token"))))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("/css/events-catalog.css")))
                .andReturn().getResponse().getHeader("ETag");
        mvc.perform(get("/events/" + slug).header("If-None-Match", pageTag)).andExpect(status().isNotModified());
        mvc.perform(get("/api/events/no-such-event")).andExpect(status().isNotFound());
        mvc.perform(get("/events/join")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/events/orders/" + UUID.randomUUID())).andExpect(status().is3xxRedirection());
        call(post("/api/events/organizer/events"), eventBody("join", null))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].code").value("reserved"));
        mvc.perform(get("/events/no-such-event")).andExpect(status().isNotFound());
    }

    @Test
    void theCatalogueFiltersPublishedEvents() throws Exception {
        String marker = "Filtertest" + UUID.randomUUID().toString().substring(0, 8);
        String trail = slug();
        String trailId = publishedEvent(trail, eventBody(trail, null).replace("Test Marathon", marker + " Trail")
                .replace("RUNNING", "TRAIL").replace("\"CH\"", "\"FR\"").replace("\"ZH\"", "\"Savoie\""));
        race(trailId, "ultra", 10);
        publish(trailId);
        String road = slug();
        String roadId = publishedEvent(road, eventBody(road, null).replace("Test Marathon", marker + " Road"));
        String notYetOpen = raceBody("10k", 10, "[]", tiers(), "null").replace("42195", "10000")
                .replaceAll("\"registrationOpensAt\":\"[^\"]*\"", "\"registrationOpensAt\":\"2030-01-01T00:00:00Z\"");
        call(post("/api/events/organizer/events/" + roadId + "/races"), notYetOpen).andExpect(status().isCreated());
        publish(roadId);
        String draft = slug();
        String draftId = publishedEvent(draft, eventBody(draft, null).replace("Test Marathon", marker + " Draft"));
        race(draftId, "5k", 10);

        mvc.perform(get("/api/events").param("q", marker))
                .andExpect(jsonPath("$.events", hasSize(2)))
                .andExpect(jsonPath("$.events[*].slug", not(hasItem(draft))));
        mvc.perform(get("/api/events").param("q", marker).param("sport", "trail"))
                .andExpect(jsonPath("$.events[*].slug", contains(trail)));
        mvc.perform(get("/api/events").param("q", marker).param("country", "fr").param("region", "savoie"))
                .andExpect(jsonPath("$.events[*].slug", contains(trail)));
        mvc.perform(get("/api/events").param("q", marker).param("maxDistanceM", "15000"))
                .andExpect(jsonPath("$.events[*].slug", contains(road)))
                .andExpect(jsonPath("$.events[0].distancesM", contains(10000)));
        mvc.perform(get("/api/events").param("q", marker).param("open", "true"))
                .andExpect(jsonPath("$.events[*].slug", contains(trail)))
                .andExpect(jsonPath("$.events[0].open").value(true));
        mvc.perform(get("/api/events").param("q", marker).param("from", "2030-06-03"))
                .andExpect(jsonPath("$.events", hasSize(0)));
        mvc.perform(get("/api/events").param("q", marker).param("from", "2030-06-01").param("to", "2030-06-02"))
                .andExpect(jsonPath("$.events", hasSize(2)));
        mvc.perform(get("/api/events").param("sport", "golf"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("sport"));
        mvc.perform(get("/events").param("q", marker).param("sport", "TRAIL"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(marker + " Trail")))
                .andExpect(content().string(not(org.hamcrest.Matchers.containsString(marker + " Road"))));
    }

    @Test
    void heldAnswersAreServedFromMemoryAheadOfSpringMvcAndEqualItsAnswers() throws Exception {
        String slug = slug();
        String eventId = publishedEvent(slug, eventBody(slug, null));
        String raceId = race(eventId, "marathon", 5);
        publish(eventId);
        confirmed(eventId, raceId, "Carla", "Meier", "{\"club\":\"LC Uster\",\"emergency\":\"SECRET\"}");
        for (String path : java.util.List.of("/api/events/" + slug, "/api/events/" + slug + "/participants?race=marathon",
                "/events/" + slug, "/events/" + slug + "/participants?race=marathon")) {
            MvcResult first = mvc.perform(get(path)).andExpect(status().isOk()).andReturn();
            double before = served();
            MvcResult second = mvc.perform(get(path)).andExpect(status().isOk()).andReturn();
            assertThat(served()).as(path + " answered from memory").isEqualTo(before + 1);
            assertThat(second.getResponse().getContentAsByteArray()).as(path).isEqualTo(first.getResponse().getContentAsByteArray());
            assertThat(second.getResponse().getHeader("ETag")).isEqualTo(first.getResponse().getHeader("ETag"));
            assertThat(second.getResponse().getHeader("Cache-Control")).isEqualTo("max-age=1, public");
            assertThat(second.getResponse().getContentType()).isEqualTo(first.getResponse().getContentType());
            mvc.perform(get(path).header("If-None-Match", first.getResponse().getHeader("ETag")))
                    .andExpect(status().isNotModified());
        }
        assertThat(mvc.perform(get("/api/events/" + slug + "/participants?race=marathon")).andReturn().getResponse()
                .getContentAsString()).contains("LC Uster").doesNotContain("SECRET");

        double before = served();
        mvc.perform(get("/events/" + slug).with(request -> {
            request.setRequestedSessionId("signed-in");
            return request;
        })).andExpect(status().isOk());
        mvc.perform(get("/api/events/" + slug).header("Authorization", "Bearer not-a-token")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/events/" + slug + "/participants?race=nope")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("race"));
        mvc.perform(get("/api/events/" + slug + "/participants?race=marathon&page=x")).andExpect(status().isBadRequest());
        mvc.perform(get("/api/events/no-such-" + slug)).andExpect(status().isNotFound());
        assertThat(served()).as("sessions, tokens, bad parameters and unknown events take the usual way").isEqualTo(before);
    }

    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    private double served() {
        return meters.counter("paddock.quick.reads", "outcome", "served").count();
    }

    String publishedEvent(String slug, String body) throws Exception {
        return id(call(post("/api/events/organizer/events"), body).andExpect(status().isCreated()));
    }

    String race(String eventId, String code, int capacity) throws Exception {
        return id(call(post("/api/events/organizer/events/" + eventId + "/races"),
                raceBody(code, capacity, FIELDS, tiers(), "null")).andExpect(status().isCreated()));
    }

    void publish(String eventId) throws Exception {
        call(post("/api/events/organizer/events/" + eventId + "/publish"), null).andExpect(status().isOk());
    }

    org.springframework.test.web.servlet.ResultActions call(
            org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, String body) throws Exception {
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        return mvc.perform(request.with(as(organizer, "ORGANIZER")));
    }

    /** A CONFIRMED registration holding a place, written as the registration part would. */
    void confirmed(String eventId, String raceId, String first, String last, String answers) {
        UUID event = UUID.fromString(eventId);
        UUID race = UUID.fromString(raceId);
        UUID order = UUID.randomUUID();
        UUID registration = UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("""
                insert into events.orders (id, account_id, event_id, request_id, status, payment_method, subtotal_cents,
                    total_cents, created_at) values (:id, :account, :event, :request, 'PAID', 'WALLET', 8000, 8000, :now)""")
                .param("id", order).param("account", UUID.randomUUID()).param("event", event)
                .param("request", UUID.randomUUID().toString()).param("now", now).update();
        jdbc.sql("""
                insert into events.registrations (id, race_id, event_id, order_id, buyer_account_id, status, first_name,
                    last_name, gender, birth_date, nationality, email, answers, price_cents, created_at, confirmed_at)
                values (:id, :race, :event, :order, :buyer, 'CONFIRMED', :first, :last, 'F', date '1990-01-01', 'CH',
                    'a@example.test', cast(:answers as jsonb), 8000, :now, :now)""")
                .param("id", registration).param("race", race).param("event", event).param("order", order)
                .param("buyer", UUID.randomUUID()).param("first", first).param("last", last).param("answers", answers)
                .param("now", now).update();
        jdbc.sql("""
                update events.places set registration_id = :reg where (race_id, number) =
                    (select race_id, number from events.places where race_id = :race and registration_id is null
                     order by number limit 1)""").param("reg", registration).param("race", race).update();
    }
}
