package dev.paddock.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import dev.paddock.identity.security.AccountPrincipal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest
@ActiveProfiles("test")
@AutoConfigureMockMvc
@RecordApplicationEvents
class SignUpIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Accounts accounts;
    @Autowired
    ApplicationEvents events;

    String body(String email, String password, String displayName, String dateOfBirth, String country) {
        return "{\"email\":" + quoted(email) + ",\"password\":" + quoted(password) + ",\"displayName\":"
                + quoted(displayName) + ",\"dateOfBirth\":" + quoted(dateOfBirth) + ",\"countryOfResidence\":"
                + quoted(country) + "}";
    }

    static String quoted(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }

    @Test
    void signsUpAsACustomerOnTheApi() throws Exception {
        String email = TestAccounts.randomEmail();
        mvc.perform(post("/api/accounts").contentType(MediaType.APPLICATION_JSON)
                        .content(body(email.toUpperCase(), "a long enough password", "Camille", "1990-05-31", "FR")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.accountId").isString())
                .andExpect(jsonPath("$.email").value(email))
                .andExpect(jsonPath("$.displayName").value("Camille"))
                .andExpect(jsonPath("$.roles").value(containsInAnyOrder("CUSTOMER")));

        AccountSummary account = accounts.findByEmail(email).orElseThrow();
        assertThat(account.roles()).containsExactly(Role.CUSTOMER);
        assertThat(events.stream(AccountRegistered.class)).anySatisfy(e -> {
            assertThat(e.accountId()).isEqualTo(account.id());
            assertThat(e.email()).isEqualTo(email);
        });
        assertThat(jdbc.sql("select count(*) from audit.entries where type = 'ACCOUNT_REGISTERED' and subject = :id")
                .param("id", account.id().value()).query(Long.class).single()).isOne();
        PlayerProfile profile = accounts.playerProfile(account.id());
        assertThat(profile.countryOfResidence()).isEqualTo("FR");
        assertThat(profile.weeklyStakeLimit()).isNull();
    }

    @Test
    void accountsAreFoundByEmailInOneLookUpKeyedByTheEmailsAsGiven() throws Exception {
        String first = TestAccounts.randomEmail();
        String second = TestAccounts.randomEmail();
        for (String email : List.of(first, second)) {
            mvc.perform(post("/api/accounts").contentType(MediaType.APPLICATION_JSON)
                    .content(body(email, "a long enough password", "Camille", "1990-05-31", "FR")))
                    .andExpect(status().isCreated());
        }
        String unknown = TestAccounts.randomEmail();

        Map<String, AccountId> ids = accounts.idsByEmail(List.of(first.toUpperCase(), " " + second, unknown));

        assertThat(ids).containsOnlyKeys(first.toUpperCase(), " " + second);
        assertThat(ids.get(first.toUpperCase())).isEqualTo(accounts.findByEmail(first).orElseThrow().id());
        assertThat(ids.get(" " + second)).isEqualTo(accounts.findByEmail(second).orElseThrow().id());
        assertThat(accounts.idsByEmail(List.of())).isEmpty();
    }

    @ParameterizedTest(name = "{5}")
    @CsvSource(nullValues = "NULL", value = {
            "not-an-email,  a long enough password, Camille, 1990-05-31, FR,  email",
            "NULL,          a long enough password, Camille, 1990-05-31, FR,  email",
            "x@example.test, short,                 Camille, 1990-05-31, FR,  password",
            "x@example.test, a long enough password, '',     1990-05-31, FR,  displayName",
            "x@example.test, a long enough password, Camille, 2999-01-01, FR, dateOfBirth",
            "x@example.test, a long enough password, Camille, NULL,      FR,  dateOfBirth",
            "x@example.test, a long enough password, Camille, 1990-05-31, fr, countryOfResidence",
            "x@example.test, a long enough password, Camille, 1990-05-31, XX, countryOfResidence",
            "x@example.test, x@example.test,        Camille, 1990-05-31, FR,  password"})
    void refusesBadInputNamingTheField(String email, String password, String name, String born, String country,
            String field) throws Exception {
        String unique = email != null && email.equals("x@example.test") ? TestAccounts.randomEmail() : email;
        String pw = "x@example.test".equals(password) ? unique : password;
        mvc.perform(post("/api/accounts").contentType(MediaType.APPLICATION_JSON)
                        .content(body(unique, pw, name, born, country)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem(field)));
    }

    @Test
    void refusesMalformedJsonUnknownFieldsAndBadDates() throws Exception {
        for (String bad : new String[] {"{", "{\"email\":\"a@b.c\",\"admin\":true}",
                body("a@b.c", "a long enough password", "C", "31/05/1990", "FR")}) {
            mvc.perform(post("/api/accounts").contentType(MediaType.APPLICATION_JSON).content(bad))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        }
    }

    @Test
    void aTakenEmailIsAConflict() throws Exception {
        String email = TestAccounts.randomEmail();
        String request = body(email, "a long enough password", "Camille", "1990-05-31", "FR");
        mvc.perform(post("/api/accounts").contentType(MediaType.APPLICATION_JSON).content(request))
                .andExpect(status().isCreated());
        mvc.perform(post("/api/accounts").contentType(MediaType.APPLICATION_JSON)
                        .content(body(email.toUpperCase(), "another long password", "Bis", "1991-01-01", "BE")))
                .andExpect(status().isConflict())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://paddock.dev/problems/email-taken"))
                .andExpect(jsonPath("$.errors[0].field").value("email"));
    }

    @Test
    void signsUpOnTheWebAndIsSignedInAtOnce() throws Exception {
        String email = TestAccounts.randomEmail();
        MvcResult result = mvc.perform(post("/signup").with(csrf())
                        .param("email", email).param("password", "a long enough password")
                        .param("displayName", "Camille").param("dateOfBirth", "1990-05-31")
                        .param("countryOfResidence", "FR"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/wallet"))
                .andReturn();

        MockHttpSession session = (MockHttpSession) result.getRequest().getSession(false);
        assertThat(session).isNotNull();
        SecurityContext context = (SecurityContext) session.getAttribute("SPRING_SECURITY_CONTEXT");
        assertThat(context.getAuthentication().getPrincipal()).isInstanceOf(AccountPrincipal.class);
        mvc.perform(get("/account").session(session)).andExpect(status().isOk())
                .andExpect(view().name("identity/account"));
    }

    @Test
    void theWebFormShowsErrorsPerField() throws Exception {
        mvc.perform(post("/signup").with(csrf())
                        .param("email", "nope").param("password", "short").param("displayName", "")
                        .param("dateOfBirth", "2999-01-01").param("countryOfResidence", "FR"))
                .andExpect(status().isOk())
                .andExpect(view().name("identity/signup"))
                .andExpect(model().attributeHasFieldErrors("form", "email", "password", "displayName", "dateOfBirth"));
        mvc.perform(post("/signup").with(csrf())
                        .param("email", TestAccounts.randomEmail()).param("password", "a long enough password")
                        .param("displayName", "Camille").param("dateOfBirth", "yesterday")
                        .param("countryOfResidence", "FR"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("form", "dateOfBirth"));
    }

    @Test
    void theWebFormShowsATakenEmail() throws Exception {
        String email = TestAccounts.randomEmail();
        mvc.perform(post("/api/accounts").contentType(MediaType.APPLICATION_JSON)
                .content(body(email, "a long enough password", "Camille", "1990-05-31", "FR")));
        mvc.perform(post("/signup").with(csrf())
                        .param("email", email).param("password", "a long enough password")
                        .param("displayName", "Camille").param("dateOfBirth", "1990-05-31")
                        .param("countryOfResidence", "FR"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "email", "identity.error.taken"));
    }

    @Test
    void aWebPostWithoutCsrfTokenIsRejected() throws Exception {
        mvc.perform(post("/signup")
                        .param("email", TestAccounts.randomEmail()).param("password", "a long enough password")
                        .param("displayName", "Camille").param("dateOfBirth", "1990-05-31")
                        .param("countryOfResidence", "FR"))
                .andExpect(status().isForbidden());
    }

    @Test
    void pagesRenderInEnglishAndFrench() throws Exception {
        for (Map.Entry<String, String> page : Map.of("/signup", "Sign up", "/login", "Log in", "/password/forgot",
                "Forgot your password?").entrySet()) {
            mvc.perform(get(page.getKey()).header("Accept-Language", "en")).andExpect(status().isOk())
                    .andExpect(content().string(org.hamcrest.Matchers.containsString(page.getValue())));
        }
        mvc.perform(get("/signup").header("Accept-Language", "fr")).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Créer mon compte")));
    }
}
