package dev.paddock.identity;

import static dev.paddock.identity.TestAccounts.bearer;
import static dev.paddock.identity.TestAccounts.principal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.paddock.identity.account.Account;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@ActiveProfiles("test")
@AutoConfigureMockMvc
class BackofficeIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestAccounts testAccounts;
    @Autowired
    Accounts accounts;

    @Test
    void anAdminGrantsAndRevokesRolesOnTheApi() throws Exception {
        Account admin = testAccounts.create(Role.OPERATOR, Role.ADMIN);
        Account player = testAccounts.create();
        String token = testAccounts.accessToken(mvc, admin);

        mvc.perform(put("/api/ops/accounts/{id}/roles/ORGANIZER", player.id().value())
                        .header(HttpHeaders.AUTHORIZATION, bearer(token)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.roles").value(containsInAnyOrder("CUSTOMER", "ORGANIZER")));
        assertThat(accounts.find(player.id()).orElseThrow().has(Role.ORGANIZER)).isTrue();
        assertThat(testAccounts.auditCount("ROLE_GRANTED", player)).isOne();

        mvc.perform(delete("/api/ops/accounts/{id}/roles/ORGANIZER", player.id().value())
                        .header(HttpHeaders.AUTHORIZATION, bearer(token)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.roles").value(containsInAnyOrder("CUSTOMER")));
        assertThat(testAccounts.auditCount("ROLE_REVOKED", player)).isOne();
    }

    @Test
    void anOperatorCannotGrantRoles() throws Exception {
        Account operator = testAccounts.create(Role.OPERATOR);
        Account player = testAccounts.create();
        String token = testAccounts.accessToken(mvc, operator);

        mvc.perform(put("/api/ops/accounts/{id}/roles/ADMIN", player.id().value())
                        .header(HttpHeaders.AUTHORIZATION, bearer(token)))
                .andExpect(status().isForbidden())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post("/backoffice/users/{id}/roles/ADMIN/grant", player.id().value()).with(csrf())
                        .with(user(principal(operator))))
                .andExpect(status().isForbidden());
        assertThat(accounts.find(player.id()).orElseThrow().has(Role.ADMIN)).isFalse();
        mvc.perform(get("/api/ops/accounts").param("query", player.email())
                        .header(HttpHeaders.AUTHORIZATION, bearer(token)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].accountId").value(player.id().toString()));
    }

    @Test
    void anAdminCannotDropTheirOwnAdminRole() throws Exception {
        Account admin = testAccounts.create(Role.OPERATOR, Role.ADMIN);
        String token = testAccounts.accessToken(mvc, admin);
        mvc.perform(delete("/api/ops/accounts/{id}/roles/ADMIN", admin.id().value())
                        .header(HttpHeaders.AUTHORIZATION, bearer(token)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("https://paddock.dev/problems/own-admin-role"));
        assertThat(accounts.find(admin.id()).orElseThrow().has(Role.ADMIN)).isTrue();
    }

    @Test
    void badOpsRequestsAreProblems() throws Exception {
        Account admin = testAccounts.create(Role.OPERATOR, Role.ADMIN);
        String token = testAccounts.accessToken(mvc, admin);
        mvc.perform(put("/api/ops/accounts/not-a-uuid/roles/ADMIN").header(HttpHeaders.AUTHORIZATION, bearer(token)))
                .andExpect(status().isBadRequest()).andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(put("/api/ops/accounts/{id}/roles/KING", admin.id().value())
                        .header(HttpHeaders.AUTHORIZATION, bearer(token)))
                .andExpect(status().isBadRequest()).andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(put("/api/ops/accounts/{id}/roles/ADMIN", AccountId.random().value())
                        .header(HttpHeaders.AUTHORIZATION, bearer(token)))
                .andExpect(status().isNotFound()).andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/ops/accounts").param("page", "-1").header(HttpHeaders.AUTHORIZATION, bearer(token)))
                .andExpect(status().isBadRequest()).andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/ops/audit").param("account", "nope").header(HttpHeaders.AUTHORIZATION, bearer(token)))
                .andExpect(status().isBadRequest()).andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/ops/audit").param("type", "drop table").header(HttpHeaders.AUTHORIZATION, bearer(token)))
                .andExpect(status().isBadRequest()).andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void theAuditLogIsForOperatorsOnly() throws Exception {
        Account operator = testAccounts.create(Role.OPERATOR);
        Account customer = testAccounts.create();
        String operatorToken = testAccounts.accessToken(mvc, operator);
        String customerToken = testAccounts.accessToken(mvc, customer);

        mvc.perform(get("/api/ops/audit").param("type", "TOKEN_ISSUED").param("account", customer.id().toString())
                        .header(HttpHeaders.AUTHORIZATION, bearer(operatorToken)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].type").value("TOKEN_ISSUED"))
                .andExpect(jsonPath("$.items[0].subject").value(customer.id().toString()));
        mvc.perform(get("/api/ops/audit").header(HttpHeaders.AUTHORIZATION, bearer(customerToken)))
                .andExpect(status().isForbidden());

        mvc.perform(get("/backoffice/audit").param("account", customer.id().toString()).with(user(principal(operator))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("LOGIN_SUCCEEDED")));
        mvc.perform(get("/backoffice/audit").with(user(principal(customer)))).andExpect(status().isForbidden());
    }

    @Test
    void theBackOfficePagesRenderForOperators() throws Exception {
        Account operator = testAccounts.create(Role.OPERATOR);
        Account player = testAccounts.create();
        mvc.perform(get("/backoffice").with(user(principal(operator))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/backoffice/event-publications")));
        mvc.perform(get("/backoffice/users").param("q", player.email()).with(user(principal(operator))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(player.email())))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("/roles/ADMIN/grant"))));
        mvc.perform(get("/backoffice/mails").with(user(principal(operator)))).andExpect(status().isOk());
        mvc.perform(get("/backoffice/users").with(user(principal(player)))).andExpect(status().isForbidden());
    }

    @Test
    void anAdminGrantsRolesOnTheUsersPage() throws Exception {
        Account admin = testAccounts.create(Role.OPERATOR, Role.ADMIN);
        Account player = testAccounts.create();
        mvc.perform(get("/backoffice/users").param("q", player.email()).with(user(principal(admin))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/roles/PARTNER/grant")));
        mvc.perform(post("/backoffice/users/{id}/roles/PARTNER/grant", player.id().value()).param("q", player.email())
                        .with(csrf()).with(user(principal(admin))))
                .andExpect(status().is3xxRedirection());
        assertThat(accounts.find(player.id()).orElseThrow().roles()).contains(Role.PARTNER);
        mvc.perform(get("/api/ops/audit").param("type", "ROLE_GRANTED").param("account", player.id().toString())
                        .header(HttpHeaders.AUTHORIZATION, bearer(testAccounts.accessToken(mvc, admin))))
                .andExpect(jsonPath("$.items[*].actor").value(hasItem(admin.id().toString())));
    }

    @Test
    void theMailOutboxShowsSentMails() throws Exception {
        Account operator = testAccounts.create(Role.OPERATOR);
        Account player = testAccounts.create();
        mvc.perform(post("/api/auth/password-reset").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\":\"" + player.email() + "\"}"))
                .andExpect(status().isAccepted());
        mvc.perform(get("/backoffice/mails").with(user(principal(operator))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(player.email())));
    }
}
