package dev.paddock.identity;

import static dev.paddock.identity.TestAccounts.PASSWORD;
import static dev.paddock.identity.TestAccounts.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.paddock.MutableClock;
import dev.paddock.identity.account.Account;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest
@ActiveProfiles("test")
@AutoConfigureMockMvc
class TokenIT {

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

    ResultActions refresh(String refreshToken) throws Exception {
        return mvc.perform(post("/api/auth/token").contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("grantType", "refresh_token", "refreshToken", refreshToken))));
    }

    JsonNode refreshed(String refreshToken) throws Exception {
        return json.readTree(refresh(refreshToken).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
    }

    ResultActions me(String accessToken) throws Exception {
        return mvc.perform(get("/api/me").header(HttpHeaders.AUTHORIZATION, bearer(accessToken)));
    }

    @Test
    void issuesTokensThatOpenTheApi() throws Exception {
        Account account = testAccounts.create(Role.ORGANIZER);
        JsonNode tokens = testAccounts.tokens(mvc, account.email(), PASSWORD);

        assertThat(tokens.get("tokenType").asString()).isEqualTo("Bearer");
        assertThat(tokens.get("expiresIn").asLong()).isEqualTo(300);
        assertThat(tokens.get("refreshExpiresIn").asLong()).isEqualTo(Duration.ofDays(30).toSeconds());
        String[] parts = tokens.get("accessToken").asString().split("\\.");
        JsonNode header = json.readTree(Base64.getUrlDecoder().decode(parts[0]));
        JsonNode claims = json.readTree(Base64.getUrlDecoder().decode(parts[1]));
        assertThat(header.get("alg").asString()).isEqualTo("HS256");
        assertThat(claims.get("sub").asString()).isEqualTo(account.id().toString());
        assertThat(claims.get("iss").asString()).isEqualTo("paddock");
        assertThat(claims.get("email").asString()).isEqualTo(account.email());

        me(tokens.get("accessToken").asString())
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.accountId").value(account.id().toString()))
                .andExpect(jsonPath("$.email").value(account.email()))
                .andExpect(jsonPath("$.roles").value(containsInAnyOrder("CUSTOMER", "ORGANIZER")));
        assertThat(testAccounts.auditCount("TOKEN_ISSUED", account)).isOne();
    }

    @Test
    void aRefreshTokenRotatesAndItsReuseRevokesTheFamily() throws Exception {
        Account account = testAccounts.create();
        String first = testAccounts.tokens(mvc, account.email(), PASSWORD).get("refreshToken").asString();

        JsonNode second = refreshed(first);
        String secondRefresh = second.get("refreshToken").asString();
        assertThat(secondRefresh).isNotEqualTo(first);
        me(second.get("accessToken").asString()).andExpect(status().isOk());

        refresh(first).andExpect(status().isUnauthorized())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://paddock.dev/problems/invalid-refresh-token"));
        refresh(secondRefresh).andExpect(status().isUnauthorized());
        assertThat(testAccounts.auditCount("REFRESH_TOKEN_REUSED", account)).isOne();
    }

    @Test
    void revokingEndsTheFamilyOnly() throws Exception {
        Account account = testAccounts.create();
        String phone = testAccounts.tokens(mvc, account.email(), PASSWORD).get("refreshToken").asString();
        String laptop = testAccounts.tokens(mvc, account.email(), PASSWORD).get("refreshToken").asString();
        String rotated = refreshed(phone).get("refreshToken").asString();

        mvc.perform(post("/api/auth/revoke").contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("refreshToken", phone))))
                .andExpect(status().isNoContent());

        refresh(rotated).andExpect(status().isUnauthorized());
        refresh(laptop).andExpect(status().isOk());
        mvc.perform(post("/api/auth/revoke").contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("refreshToken", "never-issued"))))
                .andExpect(status().isNoContent());
    }

    @Test
    void anExpiredRefreshTokenIsRefused() throws Exception {
        Account account = testAccounts.create();
        String refreshToken = testAccounts.tokens(mvc, account.email(), PASSWORD).get("refreshToken").asString();
        clock.advance(Duration.ofDays(30).plusSeconds(1));
        refresh(refreshToken).andExpect(status().isUnauthorized());
    }

    @Test
    void expiredOrGarbageAccessTokensAreUnauthorized() throws Exception {
        Account account = testAccounts.create();
        String accessToken = testAccounts.accessToken(mvc, account);
        me(accessToken).andExpect(status().isOk());

        clock.advance(Duration.ofMinutes(7));
        me(accessToken).andExpect(status().isUnauthorized())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        me("garbage").andExpect(status().isUnauthorized())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/me")).andExpect(status().isUnauthorized())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void badTokenRequestsAreProblems() throws Exception {
        for (String body : new String[] {"{}", "{\"grantType\":\"client_credentials\"}",
                "{\"grantType\":\"password\",\"email\":\"a@b.c\"}", "{\"grantType\":\"refresh_token\"}",
                "{\"grantType\":\"password\",\"email\":\"a@b.c\",\"password\":\"x\",\"scope\":\"all\"}", "[]"}) {
            mvc.perform(post("/api/auth/token").contentType(MediaType.APPLICATION_JSON).content(body))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        }
        mvc.perform(post("/api/auth/revoke").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("refreshToken"));
        mvc.perform(post("/api/auth/token").contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("grantType", "password", "email", TestAccounts.randomEmail(),
                                "password", "whatever password"))).with(TestAccounts.ip(TestAccounts.randomIp())))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.type").value("https://paddock.dev/problems/bad-credentials"));
    }

    @Test
    void changingThePasswordRevokesRefreshTokens() throws Exception {
        Account account = testAccounts.create();
        JsonNode tokens = testAccounts.tokens(mvc, account.email(), PASSWORD);
        String access = tokens.get("accessToken").asString();

        mvc.perform(put("/api/me/password").header(HttpHeaders.AUTHORIZATION, bearer(access))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("currentPassword", "not the password",
                                "newPassword", "a brand new password"))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("currentPassword"));
        mvc.perform(put("/api/me/password").header(HttpHeaders.AUTHORIZATION, bearer(access))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("currentPassword", PASSWORD, "newPassword", "short"))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("newPassword"));
        mvc.perform(put("/api/me/password").header(HttpHeaders.AUTHORIZATION, bearer(access))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("currentPassword", PASSWORD,
                                "newPassword", "a brand new password"))))
                .andExpect(status().isNoContent());

        refresh(tokens.get("refreshToken").asString()).andExpect(status().isUnauthorized());
        testAccounts.tokens(mvc, account.email(), "a brand new password");
        assertThat(testAccounts.auditCount("PASSWORD_CHANGED", account)).isOne();
    }
}
