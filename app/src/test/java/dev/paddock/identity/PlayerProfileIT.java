package dev.paddock.identity;

import static dev.paddock.identity.TestAccounts.bearer;
import static dev.paddock.identity.TestAccounts.principal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.paddock.MutableClock;
import dev.paddock.identity.account.Account;
import dev.paddock.shared.Money;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@SpringBootTest
@ActiveProfiles("test")
@AutoConfigureMockMvc
class PlayerProfileIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestAccounts testAccounts;
    @Autowired
    Accounts accounts;
    @Autowired
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    ResultActions putProfile(String token, String body) throws Exception {
        return mvc.perform(put("/api/me/player-profile").header(HttpHeaders.AUTHORIZATION, bearer(token))
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    @Test
    void aLowerLimitAppliesAtOnceAHigherOneAfterTheCoolingOff() throws Exception {
        Account account = testAccounts.create();
        String token = testAccounts.accessToken(mvc, account);

        putProfile(token, "{\"weeklyStakeLimit\":5000}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.weeklyStakeLimit").value(5000))
                .andExpect(jsonPath("$.pendingWeeklyStakeLimit").doesNotExist());
        assertThat(accounts.playerProfile(account.id()).weeklyStakeLimit()).isEqualTo(Money.ofCents(5000));

        Instant asked = clock.instant();
        putProfile(token, "{\"weeklyStakeLimit\":10000}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.weeklyStakeLimit").value(5000))
                .andExpect(jsonPath("$.pendingWeeklyStakeLimit.amount").value(10000));
        assertThat(accounts.playerProfile(account.id()).weeklyStakeLimit()).isEqualTo(Money.ofCents(5000));

        clock.advance(Duration.ofDays(7).plusSeconds(1));
        assertThat(clock.instant()).isAfter(asked.plus(Duration.ofDays(7)));
        assertThat(accounts.playerProfile(account.id()).weeklyStakeLimit()).isEqualTo(Money.ofCents(10000));
        mvc.perform(get("/api/me/player-profile").header(HttpHeaders.AUTHORIZATION, bearer(testAccounts.accessToken(mvc, account))))
                .andExpect(jsonPath("$.weeklyStakeLimit").value(10000))
                .andExpect(jsonPath("$.pendingWeeklyStakeLimit").doesNotExist());
        assertThat(testAccounts.auditCount("PLAYER_PROFILE_CHANGED", account)).isEqualTo(2);
    }

    @Test
    void aSelfExclusionCannotBeShortened() throws Exception {
        Account account = testAccounts.create();
        String token = testAccounts.accessToken(mvc, account);
        Instant until = clock.instant().plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.SECONDS);

        putProfile(token, "{\"selfExcludedUntil\":\"" + until + "\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.selfExcludedUntil").value(until.toString()));
        assertThat(accounts.playerProfile(account.id()).isSelfExcludedAt(clock.instant())).isTrue();

        putProfile(token, "{\"selfExcludedUntil\":null}")
                .andExpect(status().isConflict())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://paddock.dev/problems/self-exclusion-running"));
        putProfile(token, "{\"selfExcludedUntil\":\"" + until.minusSeconds(3600) + "\"}")
                .andExpect(status().isConflict());
        putProfile(token, "{\"selfExcludedUntil\":\"" + until.plus(Duration.ofDays(1)) + "\"}")
                .andExpect(status().isOk());
        assertThat(accounts.playerProfile(account.id()).selfExcludedUntil()).isEqualTo(until.plus(Duration.ofDays(1)));
    }

    @Test
    void badProfileChangesAreProblems() throws Exception {
        Account account = testAccounts.create();
        String token = testAccounts.accessToken(mvc, account);
        for (String body : new String[] {"{\"weeklyStakeLimit\":-5}", "{\"weeklyStakeLimit\":\"lots\"}",
                "{\"selfExcludedUntil\":\"2001-01-01T00:00:00Z\"}", "{\"selfExcludedUntil\":\"tomorrow\"}",
                "{\"dateOfBirth\":\"2001-01-01\"}", "not json"}) {
            putProfile(token, body).andExpect(status().isBadRequest())
                    .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        }
    }

    @Test
    void theProfileKnowsWhetherThePlayerIsAnAdult() {
        Account account = testAccounts.create();
        PlayerProfile profile = accounts.playerProfile(account.id());
        assertThat(profile.dateOfBirth()).isEqualTo(LocalDate.of(1990, 5, 31));
        assertThat(profile.isAdultOn(LocalDate.now(Clock.systemUTC()))).isTrue();
        assertThat(profile.isAdultOn(LocalDate.of(2008, 5, 30))).isFalse();
    }

    @Test
    void theAccountPageChangesLimitsAndExcludes() throws Exception {
        Account account = testAccounts.create();
        mvc.perform(get("/account").with(user(principal(account))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(account.email())));

        mvc.perform(post("/account/limit").with(csrf()).with(user(principal(account))).param("weeklyStakeLimit", "25,50"))
                .andExpect(redirectedUrl("/account"));
        assertThat(accounts.playerProfile(account.id()).weeklyStakeLimit()).isEqualTo(Money.ofCents(2550));
        mvc.perform(post("/account/limit").with(csrf()).with(user(principal(account))).param("weeklyStakeLimit", "lots"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("limitForm", "weeklyStakeLimit"));

        mvc.perform(post("/account/self-exclusion").with(csrf()).with(user(principal(account))).param("days", "7"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("exclusionForm", "confirm"));
        mvc.perform(post("/account/self-exclusion").with(csrf()).with(user(principal(account))).param("days", "7")
                        .param("confirm", "true"))
                .andExpect(redirectedUrl("/account"));
        assertThat(accounts.playerProfile(account.id()).isSelfExcludedAt(clock.instant().plus(Duration.ofDays(6))))
                .isTrue();
        mvc.perform(post("/account/self-exclusion").with(csrf()).with(user(principal(account))).param("days", "1")
                        .param("confirm", "true"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasErrors("exclusionForm"));
        mvc.perform(get("/account").with(user(principal(account))).header("Accept-Language", "fr"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Vous êtes exclu des paris")));
    }

    @Test
    void theAccountPageChangesThePassword() throws Exception {
        Account account = testAccounts.create();
        mvc.perform(post("/account/password").with(csrf()).with(user(principal(account)))
                        .param("currentPassword", TestAccounts.PASSWORD).param("newPassword", "a brand new password")
                        .param("confirmation", "a different one!"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("passwordForm", "confirmation"));
        mvc.perform(post("/account/password").with(csrf()).with(user(principal(account)))
                        .param("currentPassword", "not my password").param("newPassword", "a brand new password")
                        .param("confirmation", "a brand new password"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("passwordForm", "currentPassword"));
        mvc.perform(post("/account/password").with(csrf()).with(user(principal(account)))
                        .param("currentPassword", TestAccounts.PASSWORD).param("newPassword", "a brand new password")
                        .param("confirmation", "a brand new password"))
                .andExpect(redirectedUrl("/account"));
        testAccounts.tokens(mvc, account.email(), "a brand new password");
    }
}
