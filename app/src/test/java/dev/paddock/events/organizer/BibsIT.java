package dev.paddock.events.organizer;

import static dev.paddock.events.organizer.OrganizerFixtures.api;
import static dev.paddock.events.organizer.OrganizerFixtures.page;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.paddock.events.RegistrationTransferred;
import dev.paddock.events.organizer.OrganizerFixtures.Athlete;
import dev.paddock.events.places.Places;
import dev.paddock.identity.Accounts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;

/** Bib ranges and assignment on the real database, through the API and the RegistrationConfirmed listener. */
@SpringBootTest
@ActiveProfiles("test")
@AutoConfigureMockMvc
class BibsIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    OrganizerFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Places places;

    @Autowired
    ApplicationEventPublisher events;

    final UUID organizer = UUID.randomUUID();

    @Test
    void aConfirmationGetsTheNextNumberInTheSameTransactionWithItsHistory() throws Exception {
        UUID race = fixtures.race(fixtures.event(organizer), "m", 10, "AT_PAYMENT");
        ranges(race, "[{\"firstBib\":101,\"lastBib\":102,\"wave\":\"A\"},{\"firstBib\":201,\"lastBib\":209}]")
                .andExpect(status().isOk()).andExpect(jsonPath("$.ranges[0].wave").value("A"));

        List<UUID> first = fixtures.confirm(race, null, List.of(Athlete.named("Ada", "Lovelace")));
        List<UUID> next = fixtures.confirm(race, null, List.of(Athlete.named("Bea", "Lovelace"), Athlete.named("Cy", "Lo")));
        assertThat(List.of(fixtures.bib(first.get(0)), fixtures.bib(next.get(0)), fixtures.bib(next.get(1))))
                .containsExactly(101, 102, 201);
        assertThat(jdbc.sql("""
                select details ->> 'bib' || '/' || (details ->> 'wave') || '/' || (details ->> 'run')
                from events.registration_history where registration_id = ? and kind = 'BIB_ASSIGNED'""")
                .params(first.getFirst()).query(String.class).list()).containsExactly("101/A/AT_PAYMENT");
        UUID event = jdbc.sql("select event_id from events.races where id = ?").params(race).query(UUID.class).single();
        mvc.perform(get("/api/events/organizer/events/" + event + "/participants").with(api(organizer, "ORGANIZER")))
                .andExpect(jsonPath("$.items[0].bib").value(101)).andExpect(jsonPath("$.items[0].wave").value("A"))
                .andExpect(jsonPath("$.items[2].bib").value(201)).andExpect(jsonPath("$.items[2].wave").doesNotExist());
    }

    @Test
    void aBatchOfConfirmationsIsNumberedInItsOrderInOneGoUpToTheLastFreeNumber() throws Exception {
        UUID race = fixtures.race(fixtures.event(organizer), "batch", 10, "AT_PAYMENT");
        ranges(race, "[{\"firstBib\":7,\"lastBib\":8,\"wave\":\"A\"},{\"firstBib\":30,\"lastBib\":30}]")
                .andExpect(status().isOk());
        UUID early = fixtures.confirm(race, null, List.of(Athlete.named("Early", "Bird"))).getFirst();

        List<UUID> batch = fixtures.confirmBatch(race, List.of(Athlete.named("Zoe", "Zimmer"), Athlete.named("Abe", "Amrein"),
                Athlete.named("Mia", "Moser")), false);

        assertThat(fixtures.bib(early)).isEqualTo(7);
        assertThat(batch.stream().map(fixtures::bib).toList()).as("arrival order, not names; the last one without")
                .containsExactly(8, 30, null);
        assertThat(jdbc.sql("""
                select count(*) from events.registration_history where kind = 'BIB_ASSIGNED' and registration_id = any(?)""")
                .params((Object) batch.toArray(UUID[]::new)).query(Integer.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from events.bib_numbers where race_id = ? and registration_id is not null")
                .params(race).query(Integer.class).single()).isEqualTo(3);
        assertThat(jdbc.sql("""
                select details ->> 'bib' || '/' || coalesce(details ->> 'wave', '-') || '/' || (details ->> 'run')
                from events.registration_history where registration_id = ? and kind = 'BIB_ASSIGNED'""")
                .params(batch.get(1)).query(String.class).list()).containsExactly("30/-/AT_PAYMENT");

        UUID other = fixtures.race(fixtures.event(organizer), "batch2", 10, "AT_PAYMENT");
        ranges(other, "[{\"firstBib\":1,\"lastBib\":5}]").andExpect(status().isOk());
        List<UUID> withSingles = fixtures.confirmBatch(other, List.of(Athlete.named("B", "One"), Athlete.named("A", "Two")), true);
        assertThat(withSingles.stream().map(fixtures::bib).toList()).as("the single events after the batch add nothing")
                .containsExactly(1, 2);
        assertThat(jdbc.sql("select count(*) from events.registration_history where kind = 'BIB_ASSIGNED' and registration_id = any(?)")
                .params((Object) withSingles.toArray(UUID[]::new)).query(Integer.class).single()).isEqualTo(2);
    }

    @Test
    void aTeamConfirmedTogetherGetsABlockAndAnAfterCloseRaceNothingAtPayment() throws Exception {
        UUID event = fixtures.event(organizer);
        UUID relay = fixtures.race(event, "relay", 20, "AT_PAYMENT");
        ranges(relay, "[{\"firstBib\":1,\"lastBib\":20}]").andExpect(status().isOk());
        fixtures.confirm(relay, null, List.of(Athlete.named("Solo", "Runner")));
        UUID team = fixtures.team(relay, "Patrouille");
        List<UUID> members = fixtures.confirm(relay, team, List.of(Athlete.named("Zed", "Zurb"),
                Athlete.named("Al", "Abt"), Athlete.named("Mo", "Meier")));
        assertThat(members.stream().map(fixtures::bib).sorted().toList()).containsExactly(2, 3, 4);
        assertThat(fixtures.bib(members.get(1))).as("members of the block by name").isEqualTo(2);

        UUID later = fixtures.race(event, "later", 20, "AFTER_CLOSE");
        ranges(later, "[{\"firstBib\":500,\"lastBib\":520}]").andExpect(status().isOk());
        assertThat(fixtures.bib(fixtures.confirm(later, null, List.of(Athlete.named("No", "Bib"))).getFirst())).isNull();
    }

    @Test
    void manyConcurrentConfirmationsGetDistinctNumbers() throws Exception {
        UUID race = fixtures.race(fixtures.event(organizer), "rush", 60, "AT_PAYMENT");
        ranges(race, "[{\"firstBib\":1,\"lastBib\":50}]").andExpect(status().isOk());
        CountDownLatch start = new CountDownLatch(1);
        List<Future<UUID>> confirmed = new ArrayList<>();
        try (var executor = Executors.newFixedThreadPool(12)) {
            for (int i = 0; i < 60; i++) {
                String name = "Runner" + i;
                confirmed.add(executor.submit(() -> {
                    start.await();
                    return fixtures.confirm(race, null, List.of(Athlete.named("Ann", name))).getFirst();
                }));
            }
            start.countDown();
            List<Integer> bibs = new ArrayList<>();
            for (Future<UUID> registration : confirmed) {
                bibs.add(fixtures.bib(registration.get()));
            }
            List<Integer> numbered = bibs.stream().filter(b -> b != null).toList();
            assertThat(numbered).hasSize(50).doesNotHaveDuplicates().allMatch(b -> b >= 1 && b <= 50);
            assertThat(new HashSet<>(numbered)).hasSize(50);
        }
    }

    @Test
    void oneRunNumbersEveryoneByNameOrPredictedTimeAndRefusesWhenNumbersRunOut() throws Exception {
        UUID event = fixtures.event(organizer);
        UUID race = fixtures.race(event, "ac", 10, "AFTER_CLOSE");
        UUID order = fixtures.order(event, 10_000, 0, Instant.now());
        UUID slow = confirmed(race, order, "Anna", "Zeller", 14_400);
        UUID fast = confirmed(race, order, "Bruno", "Ammann", 9_000);
        UUID none = confirmed(race, order, "Carla", "Keller", null);
        fixtures.registration(race, "WAITLISTED", null, null, Athlete.named("Wait", "Listed"), null);

        assign(race, "NAME").andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("https://paddock.dev/problems/bibs-exhausted"));
        ranges(race, "[{\"firstBib\":1,\"lastBib\":1,\"wave\":\"Elite\"},{\"firstBib\":10,\"lastBib\":11}]").andExpect(status().isOk());
        assign(race, "PREDICTED_TIME").andExpect(status().isOk()).andExpect(jsonPath("$.assigned").value(3));
        assertThat(List.of(fixtures.bib(fast), fixtures.bib(slow), fixtures.bib(none))).containsExactly(1, 10, 11);
        assign(race, "NAME").andExpect(status().isOk()).andExpect(jsonPath("$.assigned").value(0));

        UUID byName = fixtures.race(event, "byname", 10, "AFTER_CLOSE");
        UUID z = confirmed(byName, order, "Anna", "Zeller", null);
        UUID a = confirmed(byName, order, "Bruno", "Ammann", null);
        ranges(byName, "[{\"firstBib\":1,\"lastBib\":1}]").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("[0].firstBib"))
                .andExpect(jsonPath("$.errors[0].code").value("taken-by-another-race"));
        ranges(byName, "[{\"firstBib\":300,\"lastBib\":301}]").andExpect(status().isOk());
        assign(byName, "NAME").andExpect(status().isOk());
        assertThat(List.of(fixtures.bib(a), fixtures.bib(z))).containsExactly(300, 301);
        ranges(byName, "[{\"firstBib\":301,\"lastBib\":310}]").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("assigned-outside"));
        ranges(byName, "[{\"firstBib\":300,\"lastBib\":305}]").andExpect(status().isOk());
        assertThat(jdbc.sql("select count(*) from events.bib_numbers where race_id = ?").params(byName).query(Integer.class)
                .single()).isEqualTo(6);
    }

    @Test
    void onlyTheOrganizerAndOperatorsTouchARacesBibs() throws Exception {
        UUID race = fixtures.race(fixtures.event(organizer), "own", 10, "AT_PAYMENT");
        mvc.perform(put("/api/events/organizer/races/" + race + "/bib-ranges").with(api(UUID.randomUUID(), "ORGANIZER"))
                .contentType(MediaType.APPLICATION_JSON).content("[]")).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("https://paddock.dev/problems/not-your-event"));
        mvc.perform(put("/api/events/organizer/races/" + race + "/bib-ranges").with(api(UUID.randomUUID(), "CUSTOMER"))
                .contentType(MediaType.APPLICATION_JSON).content("[]")).andExpect(status().isForbidden());
        mvc.perform(put("/api/events/organizer/races/" + race + "/bib-ranges").with(api(UUID.randomUUID(), "OPERATOR"))
                .contentType(MediaType.APPLICATION_JSON).content("[{\"firstBib\":5}]")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("[0].lastBib"));
    }

    @Test
    void aTransferTradesTheOldRacesNumberForOneOfTheNewRace() throws Exception {
        UUID event = fixtures.event(organizer);
        UUID marathon = fixtures.race(event, "full", 10, "AT_PAYMENT");
        UUID half = fixtures.race(event, "half", 10, "AT_PAYMENT");
        ranges(marathon, "[{\"firstBib\":1,\"lastBib\":10}]").andExpect(status().isOk());
        ranges(half, "[{\"firstBib\":100,\"lastBib\":110}]").andExpect(status().isOk());
        UUID runner = fixtures.confirm(marathon, null, List.of(Athlete.named("Tom", "Transfer"))).getFirst();
        assertThat(fixtures.bib(runner)).isEqualTo(1);

        fixtures.inTransaction(() -> {
            jdbc.sql("update events.registrations set race_id = ? where id = ?").params(half, runner).update();
            places.move(runner, half);
            events.publishEvent(new RegistrationTransferred(runner, marathon, half, event, Instant.now()));
            return null;
        });
        assertThat(fixtures.bib(runner)).isEqualTo(100);
        UUID next = fixtures.confirm(marathon, null, List.of(Athlete.named("Nina", "Next"))).getFirst();
        assertThat(fixtures.bib(next)).as("the marathon's number 1 is free again").isEqualTo(1);
    }

    @Test
    void demoRangesGoToEventsWithoutAnyAndStayOnARestart(@Autowired Accounts accounts, @Autowired EventAccess access,
            @Autowired BibNumbers numbers, @Autowired PlatformTransactionManager transactionManager) throws Exception {
        UUID event = fixtures.event(organizer);
        UUID marathon = fixtures.race(event, "demo-m", 3000, "AT_PAYMENT");
        UUID kids = fixtures.race(event, "demo-k", 40, "AT_PAYMENT");
        UUID done = fixtures.event(organizer);
        UUID ranged = fixtures.race(done, "ranged", 10, "AT_PAYMENT");
        ranges(ranged, "[{\"firstBib\":5,\"lastBib\":6}]").andExpect(status().isOk());
        DemoBibs demo = new DemoBibs(accounts, jdbc, access, numbers, transactionManager);
        demo.rangesFor(organizer);
        demo.rangesFor(organizer);
        assertThat(numbers.ranges(kids)).containsExactly(new BibRange(1, 100, null));
        assertThat(numbers.ranges(marathon)).containsExactly(new BibRange(101, 3400, null));
        assertThat(numbers.ranges(ranged)).containsExactly(new BibRange(5, 6, null));
        assertThat(fixtures.bib(fixtures.confirm(kids, null, List.of(Athlete.named("Kid", "Demo"))).getFirst())).isEqualTo(1);
    }

    @Test
    void thePageEditsRangesAndRunsTheAssignment() throws Exception {
        UUID event = fixtures.event(organizer);
        UUID race = fixtures.race(event, "page", 10, "AFTER_CLOSE");
        UUID order = fixtures.order(event, 10_000, 0, Instant.now());
        UUID runner = confirmed(race, order, "Paula", "Page", null);
        String bibs = "/organizer/events/" + event + "/bibs";
        mvc.perform(get(bibs).with(page(organizer, "ORGANIZER"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("1 confirmed, 0 with a bib, 0 free numbers")));
        mvc.perform(post("/organizer/races/" + race + "/bib-ranges").with(csrf()).with(page(organizer, "ORGANIZER"))
                        .param("firstBib", "700", "", "9").param("lastBib", "709", "", "1").param("wave", "A", "", ""))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl(bibs))
                .andExpect(flash().attribute("refused", containsString("last bib")));
        mvc.perform(post("/organizer/races/" + race + "/bib-ranges").with(csrf()).with(page(organizer, "ORGANIZER"))
                        .param("firstBib", "700", "").param("lastBib", "709", "").param("wave", "A", ""))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("saved", race));
        mvc.perform(post("/organizer/races/" + race + "/bibs/assign").with(csrf()).with(page(organizer, "ORGANIZER"))
                        .param("order", "NAME"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("assigned", 1));
        assertThat(fixtures.bib(runner)).isEqualTo(700);
        mvc.perform(get(bibs).with(page(organizer, "ORGANIZER"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("1 confirmed, 1 with a bib, 9 free numbers")))
                .andExpect(content().string(containsString("value=\"709\"")));
        mvc.perform(get(bibs).with(page(UUID.randomUUID(), "ORGANIZER"))).andExpect(status().isForbidden());
        mvc.perform(post("/organizer/races/" + race + "/bibs/assign").with(page(organizer, "ORGANIZER")).param("order", "NAME"))
                .andExpect(status().isForbidden());
    }

    @Test
    void paymentBibsReadTheRacesModeWithItsLowestFreeNumbersSkippingThoseAnotherTransactionHolds(
            @Autowired PaymentBibs paymentBibs) throws Exception {
        UUID event = fixtures.event(organizer);
        UUID atPayment = fixtures.race(event, "take", 10, "AT_PAYMENT");
        ranges(atPayment, "[{\"firstBib\":1,\"lastBib\":5}]").andExpect(status().isOk());
        UUID afterClose = fixtures.race(event, "take-later", 10, "AFTER_CLOSE");
        ranges(afterClose, "[{\"firstBib\":100,\"lastBib\":105}]").andExpect(status().isOk());
        UUID noRanges = fixtures.race(event, "take-none", 10, "AT_PAYMENT");

        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        try (var other = Executors.newSingleThreadExecutor()) {
            Future<List<Integer>> held = other.submit(() -> fixtures.inTransaction(() -> {
                List<Integer> first = paymentBibs.take(atPayment, 1);
                holding.countDown();
                await(done);
                return first;
            }));
            holding.await();
            List<List<Integer>> taken = fixtures.inTransaction(() -> List.of(paymentBibs.take(atPayment, 2),
                    paymentBibs.take(afterClose, 2), paymentBibs.take(afterClose, 2), paymentBibs.take(noRanges, 2),
                    paymentBibs.take(atPayment, 0)));
            done.countDown();
            assertThat(held.get()).containsExactly(1);
            assertThat(taken).as("the lowest free numbers not held elsewhere; none for a race numbered after the"
                    + " close (asked twice), none without ranges, none for none").containsExactly(List.of(2, 3),
                    List.of(), List.of(), List.of(), List.of());
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private UUID confirmed(UUID race, UUID order, String first, String last, Integer predicted) {
        Athlete athlete = Athlete.named(first, last);
        return fixtures.registration(race, "CONFIRMED", order, null, new Athlete(first, last, "M", athlete.birthDate(),
                "CH", athlete.answers(), predicted), Instant.now());
    }

    private org.springframework.test.web.servlet.ResultActions ranges(UUID race, String body) throws Exception {
        return mvc.perform(put("/api/events/organizer/races/" + race + "/bib-ranges").with(api(organizer, "ORGANIZER"))
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private org.springframework.test.web.servlet.ResultActions assign(UUID race, String order) throws Exception {
        return mvc.perform(post("/api/events/organizer/races/" + race + "/bibs/assign").with(api(organizer, "ORGANIZER"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"order\":\"" + order + "\"}"));
    }
}
