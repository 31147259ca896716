package dev.paddock.events.account;

import static dev.paddock.identity.TestAccounts.bearer;
import static dev.paddock.identity.TestAccounts.principal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.paddock.identity.Role;
import dev.paddock.identity.TestAccounts;
import dev.paddock.identity.account.Account;
import dev.paddock.wallet.LedgerChecks;
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
import org.springframework.test.web.servlet.ResultActions;

/** Operators refund and move registrations, audited and kept in the history; customers cannot. */
@SpringBootTest
@ActiveProfiles("test")
@AutoConfigureMockMvc
class OperatorIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestAccounts accounts;
    @Autowired
    EventFixtures fixtures;
    @Autowired
    JdbcClient jdbc;

    private ResultActions api(String token, String path, String body) throws Exception {
        return mvc.perform(post(path)
                .header(HttpHeaders.AUTHORIZATION, bearer(token)).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    @Test
    void anOperatorRefundsUpToWhatWasPaidOnceWithAReason() throws Exception {
        Account athlete = accounts.create();
        fixtures.fund(athlete.id(), 80_00);
        UUID event = fixtures.event(UUID.randomUUID(), Duration.ofDays(30), "[]", null, 0);
        UUID race = fixtures.race(event, "marathon", Duration.ofDays(30), 5, 80_00, "FIRST_COME");
        UUID registration = fixtures.paid(race, athlete.id(), "Refundee", 80_00);
        String operator = accounts.accessToken(mvc, accounts.create(Role.OPERATOR));
        String path = "/api/events/ops/registrations/" + registration + "/refund";

        api(accounts.accessToken(mvc, athlete), path, "{\"requestId\":\"r1\",\"amountCents\":1000,\"reason\":\"x\"}")
                .andExpect(status().isForbidden());
        api(operator, path, "{\"requestId\":\"r1\",\"amountCents\":1000,\"reason\":\" \"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("reason"));
        api(operator, path, "{\"requestId\":\"r1\",\"amountCents\":10.5,\"reason\":\"x\"}")
                .andExpect(status().isBadRequest());
        api(operator, path, "{\"requestId\":\"r1\",\"amountCents\":8001,\"reason\":\"Injury\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("amountCents"));
        api(operator, path, "{\"requestId\":\"r1\",\"amountCents\":3000,\"reason\":\"Injury\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.registration.priceCents").value(50_00));
        api(operator, path, "{\"requestId\":\"r1\",\"amountCents\":3000,\"reason\":\"Injury\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.replayed").value(true));

        assertThat(fixtures.balance(athlete.id())).isEqualTo(30_00);
        assertThat(accounts.auditCount("EVENTS_REGISTRATION_REFUNDED", athlete)).isEqualTo(1);
        assertThat(fixtures.history(registration)).containsExactly("REFUNDED_BY_OPERATOR");
        mvc.perform(get("/api/events/ops/registrations/" + registration).header(HttpHeaders.AUTHORIZATION, bearer(operator)))
                .andExpect(jsonPath("$.history[0].details.reason").value("Injury"))
                .andExpect(jsonPath("$.history[0].details.amountCents").value(3000));
        LedgerChecks ledger = new LedgerChecks(jdbc);
        assertThat(ledger.storedBalance(athlete.id())).isEqualTo(ledger.sumOfPostings(athlete.id()));
    }

    @Test
    void anOperatorMovesARegistrationIgnoringPricesButNotCapacity() throws Exception {
        Account athlete = accounts.create();
        UUID event = fixtures.event(UUID.randomUUID(), Duration.ofDays(30), "[]", null, 0);
        UUID half = fixtures.race(event, "half", Duration.ofDays(30), 5, 0, "FIRST_COME");
        UUID full = fixtures.race(event, "marathon", Duration.ofDays(30), 1, 99_00, "FIRST_COME");
        UUID registration = fixtures.paid(half, athlete.id(), "Mover", 0);
        String operator = accounts.accessToken(mvc, accounts.create(Role.OPERATOR));
        String path = "/api/events/ops/registrations/" + registration + "/move";

        api(operator, path, "{\"requestId\":\"m1\",\"toRaceId\":\"" + full + "\",\"reason\":\"Organizer's request\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.registration.raceCode").value("marathon"))
                .andExpect(jsonPath("$.registration.priceCents").value(0));
        assertThat(fixtures.held(full)).isEqualTo(1);
        assertThat(fixtures.held(half)).isZero();
        assertThat(accounts.auditCount("EVENTS_REGISTRATION_MOVED", athlete)).isEqualTo(1);
        assertThat(fixtures.history(registration)).containsExactly("MOVED_BY_OPERATOR");

        UUID other = fixtures.paid(half, athlete.id(), "Other", 0);
        api(operator, "/api/events/ops/registrations/" + other + "/move",
                "{\"requestId\":\"m1\",\"toRaceId\":\"" + full + "\",\"reason\":\"Try\"}")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.type").value("https://paddock.dev/problems/race-full"));
        api(accounts.accessToken(mvc, athlete), path, "{\"requestId\":\"m2\",\"toRaceId\":\"" + half + "\",\"reason\":\"x\"}")
                .andExpect(status().isForbidden());
    }

    @Test
    void theBackofficePagesFindAndRefundARegistration() throws Exception {
        Account athlete = accounts.create();
        fixtures.fund(athlete.id(), 40_00);
        UUID event = fixtures.event(UUID.randomUUID(), Duration.ofDays(30), "[]", null, 0);
        UUID race = fixtures.race(event, "marathon", Duration.ofDays(30), 5, 40_00, "FIRST_COME");
        String lastName = "Zz" + UUID.randomUUID().toString().substring(0, 8);
        UUID registration = fixtures.paid(race, athlete.id(), lastName, 40_00);
        Account operator = accounts.create(Role.OPERATOR);

        mvc.perform(get("/backoffice/events").param("athlete", lastName).with(user(principal(athlete))))
                .andExpect(status().isForbidden());
        mvc.perform(get("/backoffice/events").param("athlete", lastName).with(user(principal(operator))))
                .andExpect(status().isOk()).andExpect(content().string(containsString(lastName)))
                .andExpect(content().string(containsString("/backoffice/events/registrations/" + registration)));
        mvc.perform(get("/backoffice/events/registrations/" + registration).with(user(principal(operator))))
                .andExpect(status().isOk()).andExpect(content().string(containsString("/backoffice/audit?account=")));
        mvc.perform(post("/backoffice/events/registrations/" + registration + "/refund").with(user(principal(operator)))
                        .with(csrf()).param("requestId", "p1").param("amount", "12,50").param("reason", "Goodwill"))
                .andExpect(status().is3xxRedirection());
        assertThat(fixtures.balance(athlete.id())).isEqualTo(12_50);
        assertThat(accounts.auditCount("EVENTS_REGISTRATION_REFUNDED", athlete)).isEqualTo(1);
        mvc.perform(get("/backoffice").with(user(principal(operator))))
                .andExpect(content().string(containsString("/backoffice/events")));
    }
}
