package dev.paddock.events.account;

import static dev.paddock.identity.TestAccounts.bearer;
import static dev.paddock.identity.TestAccounts.principal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.paddock.identity.TestAccounts;
import dev.paddock.identity.account.Account;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/** The athlete's pages and API: registrations with bibs and offers, orders, friends, a registration's changes. */
@SpringBootTest
@ActiveProfiles("test")
@AutoConfigureMockMvc
class AccountPagesIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestAccounts accounts;
    @Autowired
    EventFixtures fixtures;
    @Autowired
    JdbcClient jdbc;

    @Test
    void myRacesShowBibsOffersAndOrders() throws Exception {
        Account athlete = accounts.create();
        fixtures.fund(athlete.id(), 50_00);
        UUID event = fixtures.event(UUID.randomUUID(), Duration.ofDays(30), "[]", null, 0);
        UUID race = fixtures.race(event, "marathon", Duration.ofDays(30), 1, 50_00, "FIRST_COME");
        UUID paid = fixtures.paid(race, athlete.id(), "Paid", 50_00);
        jdbc.sql("update events.registrations set bib = 4242 where id = :id").param("id", paid).update();
        UUID offered = fixtures.waitlisted(race, athlete.id(), "Offered");
        jdbc.sql("update events.registrations set status = 'OFFERED', offer_expires_at = now() + interval '1 day' where id = :id")
                .param("id", offered).update();

        mvc.perform(get("/account/events").with(user(principal(athlete))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("4242")))
                .andExpect(content().string(containsString("/events/registrations/" + offered + "/accept")))
                .andExpect(content().string(containsString("/account/events/registrations/" + paid)));
        String token = accounts.accessToken(mvc, athlete);
        mvc.perform(get("/api/events/my/registrations").header(HttpHeaders.AUTHORIZATION, bearer(token)))
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[?(@.id == '" + paid + "')].bib").value(4242))
                .andExpect(jsonPath("$[?(@.id == '" + offered + "')].acceptUrl")
                        .value("/events/registrations/" + offered + "/accept"));
        mvc.perform(get("/api/events/my/orders").header(HttpHeaders.AUTHORIZATION, bearer(token)))
                .andExpect(jsonPath("$.length()").value(1)).andExpect(jsonPath("$[0].totalCents").value(50_00));
        mvc.perform(get("/account")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/account").with(user(principal(athlete))))
                .andExpect(content().string(containsString("/account/events")));
    }

    @Test
    void friendsSeeEachOthersRacesOnlyOnceBothAddedEachOther() throws Exception {
        Account me = accounts.create();
        Account friend = accounts.create();
        UUID event = fixtures.event(UUID.randomUUID(), Duration.ofDays(30), "[]", null, 0);
        UUID race = fixtures.race(event, "tenk", Duration.ofDays(30), 5, 0, "FIRST_COME");
        fixtures.paid(race, friend.id(), "Friendly", 0);
        String mine = accounts.accessToken(mvc, me);
        String theirs = accounts.accessToken(mvc, friend);

        mvc.perform(post("/api/events/my/friends").header(HttpHeaders.AUTHORIZATION, bearer(mine))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"email\":\"nobody-" + UUID.randomUUID() + "@example.test\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("email"));
        mvc.perform(post("/api/events/my/friends").header(HttpHeaders.AUTHORIZATION, bearer(mine))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"email\":\"" + friend.email() + "\"}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.standing").value("REQUESTED"));
        mvc.perform(get("/api/events/my/friends/registrations").header(HttpHeaders.AUTHORIZATION, bearer(mine)))
                .andExpect(jsonPath("$.length()").value(0));
        mvc.perform(get("/api/events/my/friends").header(HttpHeaders.AUTHORIZATION, bearer(theirs)))
                .andExpect(jsonPath("$[0].standing").value("REQUESTED_YOU"));

        mvc.perform(post("/account/events/friends").with(user(principal(friend))).with(csrf()).param("email", me.email()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/api/events/my/friends/registrations").header(HttpHeaders.AUTHORIZATION, bearer(mine)))
                .andExpect(jsonPath("$.length()").value(1)).andExpect(jsonPath("$[0].athlete").value("Alex Friendly"));
        mvc.perform(get("/account/events").with(user(principal(me))))
                .andExpect(content().string(containsString("Alex Friendly")));

        mvc.perform(delete("/api/events/my/friends/" + friend.id()).header(HttpHeaders.AUTHORIZATION, bearer(mine)))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/events/my/friends/registrations").header(HttpHeaders.AUTHORIZATION, bearer(mine)))
                .andExpect(jsonPath("$.length()").value(0));
    }

    @Test
    void theRegistrationPageShowsTheHistoryAndCancels() throws Exception {
        Account athlete = accounts.create();
        fixtures.fund(athlete.id(), 30_00);
        UUID event = fixtures.event(UUID.randomUUID(), Duration.ofDays(40), "[{\"daysBefore\":30,\"percent\":50}]", null, 0);
        UUID race = fixtures.race(event, "marathon", Duration.ofDays(40), 5, 30_00, "FIRST_COME");
        fixtures.race(event, "half", Duration.ofDays(40), 5, 20_00, "FIRST_COME");
        UUID registration = fixtures.paid(race, athlete.id(), "Page", 30_00);
        String page = "/account/events/registrations/" + registration;

        mvc.perform(get(page).with(user(principal(accounts.create())))).andExpect(status().isNotFound());
        mvc.perform(get(page).with(user(principal(athlete)))).andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"toRaceId\"")))
                .andExpect(content().string(containsString(page + "/cancel")));
        mvc.perform(post(page + "/cancel").with(user(principal(athlete))).param("requestId", "x"))
                .andExpect(status().isForbidden());
        mvc.perform(post(page + "/cancel").with(user(principal(athlete))).with(csrf()).param("requestId", "x"))
                .andExpect(status().is3xxRedirection());
        assertThat(fixtures.status(registration)).isEqualTo("CANCELLED");
        assertThat(fixtures.balance(athlete.id())).isEqualTo(15_00);
        mvc.perform(get(page).with(user(principal(athlete)))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Cancelled")))
                .andExpect(content().string(not(containsString(page + "/cancel"))));
        mvc.perform(get(page).with(user(principal(athlete))).header(HttpHeaders.ACCEPT_LANGUAGE, "fr"))
                .andExpect(content().string(containsString("Annulé")));
    }

    @Test
    void theChangeFormsTransferAndHandOver() throws Exception {
        Account athlete = accounts.create();
        fixtures.fund(athlete.id(), 50_00);
        UUID event = fixtures.event(UUID.randomUUID(), Duration.ofDays(40), "[]", null, 5_00);
        UUID race = fixtures.race(event, "marathon", Duration.ofDays(40), 5, 30_00, "FIRST_COME");
        UUID half = fixtures.race(event, "half", Duration.ofDays(40), 5, 20_00, "FIRST_COME");
        UUID registration = fixtures.paid(race, athlete.id(), "Forms", 30_00);
        String page = "/account/events/registrations/" + registration;

        mvc.perform(post(page + "/transfer").with(user(principal(athlete))).with(csrf()).param("requestId", "t")
                        .param("toRaceId", half.toString()))
                .andExpect(status().is3xxRedirection());
        assertThat(fixtures.raceOf(registration)).isEqualTo(half);
        assertThat(fixtures.balance(athlete.id())).isEqualTo(30_00);

        mvc.perform(post(page + "/handover").with(user(principal(athlete))).with(csrf()).param("requestId", "h")
                        .param("firstName", "Robin").param("lastName", "Taker").param("gender", "M")
                        .param("birthDate", "not a date").param("nationality", "fr").param("email", "robin@example.test"))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("problems", org.hamcrest.Matchers.hasItem(containsString("birthDate"))));
        assertThat(fixtures.history(registration)).containsExactly("TRANSFERRED");

        mvc.perform(post(page + "/handover").with(user(principal(athlete))).with(csrf()).param("requestId", "h")
                        .param("firstName", "Robin").param("lastName", "Taker").param("gender", "M")
                        .param("birthDate", "1985-02-01").param("nationality", "fr").param("email", "robin@example.test"))
                .andExpect(status().is3xxRedirection());
        assertThat(fixtures.history(registration)).containsExactly("TRANSFERRED", "HANDED_OVER");
        assertThat(fixtures.balance(athlete.id())).as("the 5.00 fee").isEqualTo(25_00);
        String holder = jdbc.sql("select first_name || ' ' || last_name || ' ' || nationality from events.registrations where id = :id")
                .param("id", registration).query(String.class).single();
        assertThat(holder).isEqualTo("Robin Taker FR");
    }
}
