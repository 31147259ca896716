package dev.paddock.identity;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.paddock.identity.account.Account;
import dev.paddock.identity.account.NewAccount;
import dev.paddock.identity.account.Registration;
import dev.paddock.identity.account.StoredAccounts;
import dev.paddock.identity.security.AccountPrincipal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Accounts for integration tests: random e-mails so tests never see each other's data. */
@Component
public class TestAccounts {

    public static final String PASSWORD = "correct horse battery";

    private final Registration registration;
    private final StoredAccounts accounts;
    private final JdbcClient jdbc;
    private final JsonMapper json;

    TestAccounts(Registration registration, StoredAccounts accounts, JdbcClient jdbc, JsonMapper json) {
        this.registration = registration;
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.json = json;
    }

    public static String randomEmail() {
        return "t-" + UUID.randomUUID() + "@example.test";
    }

    /** A client address of its own, so per-address login throttling in one test never touches another. */
    public static String randomIp() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
    }

    public static RequestPostProcessor ip(String ip) {
        return request -> {
            request.setRemoteAddr(ip);
            return request;
        };
    }

    /** A new customer with {@link #PASSWORD}, holding the extra roles too. */
    public Account create(Role... extraRoles) {
        Account account = registration.register(new NewAccount(randomEmail(), PASSWORD, "Test Player",
                LocalDate.of(1990, 5, 31), "FR"));
        for (Role role : extraRoles) {
            jdbc.sql("insert into identity.account_roles (account_id, role) values (:id, :role) on conflict do nothing")
                    .param("id", account.id().value()).param("role", role.name()).update();
        }
        return accounts.byId(account.id()).orElseThrow();
    }

    /** A session principal for {@code with(user(...))}, as the login form would have made. */
    public static AccountPrincipal principal(Account account) {
        List<SimpleGrantedAuthority> authorities = account.roles().stream().map(Role::authority)
                .map(SimpleGrantedAuthority::new).toList();
        return new AccountPrincipal(account.id(), account.email(), "", true, true, authorities);
    }

    /** {@code POST /api/auth/token} with the password grant; the whole answer. */
    public JsonNode tokens(MockMvc mvc, String email, String password) throws Exception {
        String body = mvc.perform(post("/api/auth/token").with(ip(randomIp())).contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(java.util.Map.of("grantType", "password", "email", email,
                                "password", password))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return json.readTree(body);
    }

    public String accessToken(MockMvc mvc, Account account) throws Exception {
        return tokens(mvc, account.email(), PASSWORD).get("accessToken").asString();
    }

    /** {@code POST /api/auth/token} with the password grant over HTTP, to a server at {@code baseUrl}. */
    public String accessToken(String baseUrl, Account account) throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(baseUrl + "/api/auth/token"))
                .header("Content-Type", "application/json").header("X-Forwarded-For", randomIp())
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(java.util.Map.of("grantType",
                        "password", "email", account.email(), "password", PASSWORD)))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("No token for " + account.email() + ": " + answer.body());
        }
        return json.readTree(answer.body()).get("accessToken").asString();
    }

    public static String bearer(String token) {
        return "Bearer " + token;
    }

    public long auditCount(String type, Account subject) {
        return jdbc.sql("select count(*) from audit.entries where type = :type and subject = :subject")
                .param("type", type).param("subject", subject.id().value()).query(Long.class).single();
    }

    /** Entries about an e-mail that may have no account, such as throttled logins. */
    public long auditCountForEmail(String type, String email) {
        return jdbc.sql("select count(*) from audit.entries where type = :type and details ->> 'email' = :email")
                .param("type", type).param("email", email).query(Long.class).single();
    }
}
