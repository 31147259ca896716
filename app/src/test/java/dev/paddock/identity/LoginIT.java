package dev.paddock.identity;

import static dev.paddock.identity.TestAccounts.PASSWORD;
import static dev.paddock.identity.TestAccounts.ip;
import static dev.paddock.identity.TestAccounts.randomIp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.paddock.MutableClock;
import dev.paddock.identity.account.Account;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest
@ActiveProfiles("test")
@AutoConfigureMockMvc
class LoginIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestAccounts testAccounts;
    @Autowired
    MutableClock clock;
    @Autowired
    JsonMapper json;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    ResultActions webLogin(String email, String password, String ip) throws Exception {
        return mvc.perform(post("/login").with(csrf()).with(ip(ip)).param("email", email).param("password", password));
    }

    ResultActions apiLogin(String email, String password, String ip) throws Exception {
        return mvc.perform(post("/api/auth/token").with(ip(ip)).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("grantType", "password", "email", email, "password", password))));
    }

    @Test
    void logsInWithTheRightPassword() throws Exception {
        Account account = testAccounts.create();
        webLogin(account.email().toUpperCase(), PASSWORD, randomIp())
                .andExpect(redirectedUrl("/wallet"))
                .andExpect(authenticated().withUsername(account.email()).withRoles("CUSTOMER"));
        assertThat(testAccounts.auditCount("LOGIN_SUCCEEDED", account)).isOne();
    }

    @Test
    void aWrongPasswordGoesBackToTheLoginPage() throws Exception {
        Account account = testAccounts.create();
        webLogin(account.email(), "wrong password!", randomIp())
                .andExpect(redirectedUrl("/login?error"))
                .andExpect(unauthenticated());
        webLogin(TestAccounts.randomEmail(), "wrong password!", randomIp()).andExpect(redirectedUrl("/login?error"));
        assertThat(testAccounts.auditCount("LOGIN_FAILED", account)).isOne();
    }

    @Test
    void repeatedFailuresLockTheAccountForAWhile() throws Exception {
        Account account = testAccounts.create();
        String ip = randomIp();
        for (int i = 0; i < 4; i++) {
            webLogin(account.email(), "wrong password!", ip).andExpect(redirectedUrl("/login?error"));
        }
        webLogin(account.email(), "wrong password!", ip).andExpect(redirectedUrl("/login?locked"));
        assertThat(testAccounts.auditCount("ACCOUNT_LOCKED", account)).isOne();

        webLogin(account.email(), PASSWORD, randomIp()).andExpect(redirectedUrl("/login?locked")).andExpect(unauthenticated());
        apiLogin(account.email(), PASSWORD, randomIp())
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://paddock.dev/problems/account-locked"));

        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        webLogin(account.email(), PASSWORD, randomIp()).andExpect(authenticated());
    }

    @Test
    void aSuccessfulLoginRestartsTheFailureCount() throws Exception {
        Account account = testAccounts.create();
        for (int i = 0; i < 4; i++) {
            webLogin(account.email(), "wrong password!", randomIp()).andExpect(redirectedUrl("/login?error"));
        }
        webLogin(account.email(), PASSWORD, randomIp()).andExpect(authenticated());
        for (int i = 0; i < 4; i++) {
            webLogin(account.email(), "wrong password!", randomIp()).andExpect(redirectedUrl("/login?error"));
        }
        webLogin(account.email(), PASSWORD, randomIp()).andExpect(authenticated());
    }

    @Test
    void failuresFromOneAddressAreThrottled() throws Exception {
        String ip = randomIp();
        for (int i = 0; i < 20; i++) {
            webLogin(TestAccounts.randomEmail(), "wrong password!", ip).andExpect(redirectedUrl("/login?error"));
        }
        Account account = testAccounts.create();
        webLogin(account.email(), PASSWORD, ip).andExpect(redirectedUrl("/login?throttled")).andExpect(unauthenticated());
        apiLogin(account.email(), PASSWORD, ip)
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"))
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://paddock.dev/problems/login-throttled"));
        webLogin(account.email(), PASSWORD, randomIp()).andExpect(authenticated());

        clock.advance(Duration.ofHours(1));
        webLogin(account.email(), PASSWORD, ip).andExpect(authenticated());
    }

    @Test
    void failuresForOneAccountAreThrottledFromEveryAddress() throws Exception {
        Account account = testAccounts.create();
        for (int i = 0; i < 10; i++) {
            apiLogin(account.email(), "wrong password!", randomIp()).andExpect(status().isUnauthorized());
        }
        apiLogin(account.email(), "wrong password!", randomIp())
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"));
        webLogin(account.email(), PASSWORD, randomIp()).andExpect(redirectedUrl("/login?throttled"));
        assertThat(testAccounts.auditCount("LOGIN_FAILED", account)).isEqualTo(10);
        assertThat(testAccounts.auditCountForEmail("LOGIN_THROTTLED", account.email())).isEqualTo(2);
    }

    @Test
    void theLoginFormNeedsACsrfToken() throws Exception {
        Account account = testAccounts.create();
        mvc.perform(post("/login").param("email", account.email()).param("password", PASSWORD))
                .andExpect(status().isForbidden())
                .andExpect(unauthenticated());
    }
}
