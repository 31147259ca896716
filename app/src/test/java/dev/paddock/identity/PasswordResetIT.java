package dev.paddock.identity;

import static dev.paddock.identity.TestAccounts.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.paddock.MutableClock;
import dev.paddock.identity.account.Account;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest
@ActiveProfiles("test")
@AutoConfigureMockMvc
class PasswordResetIT {

    static final Pattern LINK = Pattern.compile("http://localhost:8080/password/reset\\?token=([A-Za-z0-9_-]{43})");

    @Autowired
    MockMvc mvc;
    @Autowired
    TestAccounts testAccounts;
    @Autowired
    MutableClock clock;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    List<String> mailsTo(String email) {
        return jdbc.sql("select body from mail.outbox where recipient = :to order by id").param("to", email)
                .query(String.class).list();
    }

    String requestToken(Account account) throws Exception {
        mvc.perform(post("/api/auth/password-reset").contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("email", account.email()))))
                .andExpect(status().isAccepted());
        List<String> mails = mailsTo(account.email());
        Matcher link = LINK.matcher(mails.getLast());
        assertThat(link.find()).isTrue();
        return link.group(1);
    }

    ResultActions confirm(String token, String newPassword) throws Exception {
        return mvc.perform(post("/api/auth/password-reset/confirm").contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("token", token, "newPassword", newPassword))));
    }

    @Test
    void aResetLinkWorksOnceAndRevokesRefreshTokens() throws Exception {
        Account account = testAccounts.create();
        String refreshToken = testAccounts.tokens(mvc, account.email(), PASSWORD).get("refreshToken").asString();
        String token = requestToken(account);

        confirm(token, "my new long password").andExpect(status().isNoContent());
        confirm(token, "yet another password").andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("token"));

        testAccounts.tokens(mvc, account.email(), "my new long password");
        mvc.perform(post("/api/auth/token").contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("grantType", "refresh_token", "refreshToken", refreshToken))))
                .andExpect(status().isUnauthorized());
        assertThat(testAccounts.auditCount("PASSWORD_RESET_REQUESTED", account)).isOne();
        assertThat(testAccounts.auditCount("PASSWORD_RESET", account)).isOne();
    }

    @Test
    void aResetLinkExpires() throws Exception {
        Account account = testAccounts.create();
        String token = requestToken(account);
        clock.advance(Duration.ofMinutes(31));
        confirm(token, "my new long password").andExpect(status().isBadRequest());
    }

    @Test
    void theAnswerIsTheSameForAnUnknownEmail() throws Exception {
        String email = TestAccounts.randomEmail();
        mvc.perform(post("/api/auth/password-reset").contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("email", email))))
                .andExpect(status().isAccepted());
        assertThat(mailsTo(email)).isEmpty();
    }

    @Test
    void badResetRequestsAreProblems() throws Exception {
        mvc.perform(post("/api/auth/password-reset").contentType(MediaType.APPLICATION_JSON).content("{\"email\":\"nope\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("email"));
        Account account = testAccounts.create();
        String token = requestToken(account);
        confirm(token, "short").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("newPassword"));
        confirm(token, account.email()).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("equals-email"));
        confirm("forged", "my new long password").andExpect(status().isBadRequest());
        confirm(token, "my new long password").andExpect(status().isNoContent());
    }

    @Test
    void theWebPagesResetThePassword() throws Exception {
        Account account = testAccounts.create();
        mvc.perform(post("/password/forgot").with(csrf()).param("email", account.email()))
                .andExpect(status().isOk()).andExpect(model().attribute("sent", true));
        Matcher link = LINK.matcher(mailsTo(account.email()).getLast());
        assertThat(link.find()).isTrue();
        String token = link.group(1);

        mvc.perform(get("/password/reset").param("token", token))
                .andExpect(status().isOk()).andExpect(model().attribute("usable", true));
        mvc.perform(post("/password/reset").with(csrf()).param("token", token)
                        .param("newPassword", "my new long password").param("confirmation", "something else"))
                .andExpect(status().isOk()).andExpect(model().attributeHasFieldErrors("form", "confirmation"));
        mvc.perform(post("/password/reset").with(csrf()).param("token", token)
                        .param("newPassword", "my new long password").param("confirmation", "my new long password"))
                .andExpect(redirectedUrl("/login?reset"));
        mvc.perform(get("/password/reset").param("token", token))
                .andExpect(status().isOk()).andExpect(model().attribute("usable", false));
    }
}
