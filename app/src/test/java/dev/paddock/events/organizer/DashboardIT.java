package dev.paddock.events.organizer;

import static dev.paddock.events.organizer.OrganizerFixtures.api;
import static dev.paddock.events.organizer.OrganizerFixtures.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.paddock.events.organizer.OrganizerFixtures.Athlete;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** The dashboard's numbers against a hand-counted event, through the API and the page. */
@SpringBootTest
@ActiveProfiles("test")
@AutoConfigureMockMvc
class DashboardIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    OrganizerFixtures fixtures;

    final UUID organizer = UUID.randomUUID();

    /**
     * Marathon (10 places): Max (M, 41 on race day 2027-04-18 → M40) confirmed 09:15 Zürich, Berta (F, 28 → W20)
     * 09:45, one offered, one waitlisted. Half (4 places): Emma (F, 16 → W-U20) confirmed 11:05, one cancelled.
     * Orders: 95.00 paid, 200.00 paid of which 50.00 refunded. T-shirts of the confirmed: S, S, L.
     */
    UUID event() {
        UUID event = fixtures.event(organizer);
        UUID marathon = fixtures.race(event, "m", 10, "AT_PAYMENT");
        UUID half = fixtures.race(event, "h", 4, "AT_PAYMENT");
        UUID paid = fixtures.order(event, 9_500, 0, Instant.parse("2027-01-10T08:15:00Z"));
        UUID refunded = fixtures.order(event, 20_000, 5_000, Instant.parse("2027-01-10T08:45:00Z"));
        fixtures.registration(marathon, "CONFIRMED", paid, null, athlete("Max", "M", "1985-06-01", "CH", "L"),
                Instant.parse("2027-01-10T08:15:00Z"));
        fixtures.registration(marathon, "CONFIRMED", refunded, null, athlete("Berta", "F", "1999-04-18", "DE", "S"),
                Instant.parse("2027-01-10T08:45:00Z"));
        fixtures.registration(marathon, "OFFERED", null, null, athlete("Otto", "M", "1970-01-01", "AT", "M"), null);
        fixtures.registration(marathon, "WAITLISTED", null, null, athlete("Wanda", "F", "1980-01-01", "FR", "M"), null);
        fixtures.registration(half, "CONFIRMED", refunded, null, athlete("Emma", "F", "2010-05-05", "CH", "S"),
                Instant.parse("2027-01-10T10:05:00Z"));
        fixtures.registration(half, "CANCELLED", null, null, athlete("Carl", "M", "1990-01-01", "IT", "M"), null);
        return event;
    }

    @Test
    void statsMatchTheHandCount() throws Exception {
        UUID event = event();
        mvc.perform(get("/api/events/organizer/events/" + event + "/stats").with(api(organizer, "ORGANIZER")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totals.confirmed").value(3))
                .andExpect(jsonPath("$.totals.offered").value(1))
                .andExpect(jsonPath("$.totals.waitlisted").value(1))
                .andExpect(jsonPath("$.totals.capacity").value(14))
                .andExpect(jsonPath("$.totals.fillRate").value(0.2143))
                .andExpect(jsonPath("$.totals.orders").value(2))
                .andExpect(jsonPath("$.totals.paidCents").value(29_500))
                .andExpect(jsonPath("$.totals.refundedCents").value(5_000))
                .andExpect(jsonPath("$.totals.revenueCents").value(24_500))
                .andExpect(jsonPath("$.races[?(@.code == 'm')].confirmed").value(2))
                .andExpect(jsonPath("$.races[?(@.code == 'm')].fillRate").value(0.2))
                .andExpect(jsonPath("$.races[?(@.code == 'm')].offered").value(1))
                .andExpect(jsonPath("$.races[?(@.code == 'm')].waitlisted").value(1))
                .andExpect(jsonPath("$.races[?(@.code == 'h')].fillRate").value(0.25))
                .andExpect(jsonPath("$.timeline.unit").value("HOUR"))
                .andExpect(jsonPath("$.timeline.points[*].at").value(org.hamcrest.Matchers.contains(
                        "2027-01-10T09:00:00", "2027-01-10T10:00:00", "2027-01-10T11:00:00")))
                .andExpect(jsonPath("$.timeline.points[*].registrations").value(org.hamcrest.Matchers.contains(2, 0, 1)))
                .andExpect(jsonPath("$.categories[*].label").value(org.hamcrest.Matchers.contains("M40", "W-U20", "W20")))
                .andExpect(jsonPath("$.genders[*].label").value(org.hamcrest.Matchers.contains("F", "M")))
                .andExpect(jsonPath("$.genders[*].count").value(org.hamcrest.Matchers.contains(2, 1)))
                .andExpect(jsonPath("$.countries[*].label").value(org.hamcrest.Matchers.contains("CH", "DE")))
                .andExpect(jsonPath("$.ageBands[?(@.label == 'U20')].count").value(1))
                .andExpect(jsonPath("$.ageBands[?(@.label == '20-29')].count").value(1))
                .andExpect(jsonPath("$.ageBands[?(@.label == '40-49')].count").value(1))
                .andExpect(jsonPath("$.ageBands[?(@.label == '30-39')].count").value(0))
                .andExpect(jsonPath("$.choices[*].key").value(org.hamcrest.Matchers.contains("tshirt")))
                .andExpect(jsonPath("$.choices[0].counts[*].label").value(org.hamcrest.Matchers.contains("S", "L")))
                .andExpect(jsonPath("$.choices[0].counts[*].count").value(org.hamcrest.Matchers.contains(2, 1)));
        mvc.perform(get("/api/events/organizer/events/" + event + "/stats?by=DAY").with(api(organizer, "ORGANIZER")))
                .andExpect(jsonPath("$.timeline.points[0].registrations").value(3));
    }

    @Test
    void onlyTheOrganizerAndOperatorsSeeTheNumbers() throws Exception {
        UUID event = event();
        mvc.perform(get("/api/events/organizer/events/" + event + "/stats").with(api(UUID.randomUUID(), "ORGANIZER")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("https://paddock.dev/problems/not-your-event"));
        mvc.perform(get("/api/events/organizer/events/" + event + "/stats").with(api(UUID.randomUUID(), "CUSTOMER")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/events/organizer/events/" + event + "/stats").with(api(UUID.randomUUID(), "OPERATOR")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.totals.confirmed").value(3));
        mvc.perform(get("/api/events/organizer/events/" + UUID.randomUUID() + "/stats").with(api(organizer, "ORGANIZER")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/events/organizer/events/" + event + "/stats")).andExpect(status().isUnauthorized());
    }

    @Test
    void thePageShowsTheNumbersAndListensToTheEventsTopic() throws Exception {
        UUID event = event();
        mvc.perform(get("/organizer/events/" + event + "/dashboard").with(page(organizer, "ORGANIZER")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("topic=event-dashboard:" + event)))
                .andExpect(content().string(containsString("id=\"stat-confirmed\">3<")))
                .andExpect(content().string(containsString("W-U20")))
                .andExpect(content().string(containsString("<progress")));
        mvc.perform(get("/organizer/events/" + event + "/dashboard/panel").with(page(organizer, "ORGANIZER")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"stat-confirmed\">3<")))
                .andExpect(content().string(not(containsString("<html"))));
        mvc.perform(get("/organizer/events/" + event + "/dashboard").with(page(UUID.randomUUID(), "ORGANIZER")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/organizer/events/" + event + "/dashboard").with(page(organizer, "ORGANIZER")).locale(java.util.Locale.FRENCH))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Tableau de bord")));
    }

    @Test
    void aCommittedConfirmationTellsTheOpenDashboardAndARolledBackOneDoesNot() throws Exception {
        UUID event = event();
        UUID race = fixtures.race(event, "live", 10, "AFTER_CLOSE");
        MvcResult stream = mvc.perform(get("/live/stream").param("topic", DashboardPulse.topic(event)))
                .andExpect(request().asyncStarted()).andReturn();
        UUID other = fixtures.event(organizer);
        UUID otherRace = fixtures.race(other, "quiet", 10, "AFTER_CLOSE");
        MvcResult quiet = mvc.perform(get("/live/stream").param("topic", DashboardPulse.topic(other)))
                .andExpect(request().asyncStarted()).andReturn();

        assertThatThrownBy(() -> fixtures.inTransaction(() -> {
            fixtures.confirm(otherRace, null, List.of(Athlete.named("Rolled", "Back")));
            throw new IllegalStateException("payment failed");
        })).hasMessage("payment failed");
        fixtures.confirm(race, null, List.of(Athlete.named("Live", "Runner")));

        assertThat(eventually(stream, "event:stats")).contains("\"eventId\":\"" + event + "\"");
        Thread.sleep(1_500);
        assertThat(quiet.getResponse().getContentAsString()).doesNotContain("event:stats");
    }

    private static String eventually(MvcResult stream, String text) throws Exception {
        for (int i = 0; i < 100; i++) {
            String body = stream.getResponse().getContentAsString();
            if (body.contains(text)) {
                return body;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("No " + text + " in " + stream.getResponse().getContentAsString());
    }

    static Athlete athlete(String name, String gender, String born, String nationality, String tshirt) {
        return new Athlete(name, name + "son", gender, LocalDate.parse(born), nationality,
                "{\"tshirt\":\"" + tshirt + "\",\"emergency\":\"112\"}", null);
    }
}
