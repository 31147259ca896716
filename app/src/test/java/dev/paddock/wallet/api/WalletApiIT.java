package dev.paddock.wallet.api;

import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.paddock.identity.AccountId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@SpringBootTest
@ActiveProfiles("test")
@AutoConfigureMockMvc
class WalletApiIT {

    static final String PROBLEMS = "https://paddock.dev/problems/";

    @Autowired
    MockMvc mvc;

    AccountId account;

    @BeforeEach
    void newAccount() {
        account = AccountId.random();
    }

    @Test
    void aNewAccountHasAZeroEuroWallet() throws Exception {
        mvc.perform(get("/api/wallet").with(token(account)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.accountId").value(account.toString()))
                .andExpect(jsonPath("$.currency").value("EUR"))
                .andExpect(jsonPath("$.balance").value(0));
    }

    @Test
    void aDepositIsCreatedAndItsReplayAnswersTheSame() throws Exception {
        String key = UUID.randomUUID().toString();

        String first = deposit(key, "{\"amount\": 5000}")
                .andExpect(status().isCreated())
                .andExpect(header().doesNotExist("Idempotent-Replayed"))
                .andExpect(jsonPath("$.movementId").value(notNullValue()))
                .andExpect(jsonPath("$.kind").value("DEPOSIT"))
                .andExpect(jsonPath("$.amount").value(5000))
                .andExpect(jsonPath("$.balanceAfter").value(5000))
                .andExpect(jsonPath("$.at").value(notNullValue()))
                .andReturn().getResponse().getContentAsString();

        deposit(key, "{\"amount\": 5000}")
                .andExpect(status().isCreated())
                .andExpect(header().string("Idempotent-Replayed", "true"))
                .andExpect(content().json(first, JsonCompareMode.STRICT));
        deposit(key, "{\"amount\": 5001}")
                .andExpect(status().isConflict())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value(PROBLEMS + "idempotency-key-reused"));
        mvc.perform(get("/api/wallet").with(token(account))).andExpect(jsonPath("$.balance").value(5000));
    }

    @Test
    void customersNeverShareIdempotencyKeys() throws Exception {
        String key = "my-first-deposit";
        deposit(key, "{\"amount\": 100}").andExpect(status().isCreated());

        mvc.perform(post("/api/wallet/deposits").with(token(AccountId.random())).header("Idempotency-Key", key)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"amount\": 200}"))
                .andExpect(status().isCreated())
                .andExpect(header().doesNotExist("Idempotent-Replayed"))
                .andExpect(jsonPath("$.balanceAfter").value(200));
    }

    @Test
    void aWithdrawalTakesFromTheWalletOrIsRefused() throws Exception {
        deposit(UUID.randomUUID().toString(), "{\"amount\": 5000}").andExpect(status().isCreated());

        withdraw(UUID.randomUUID().toString(), "{\"amount\": 2000}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.kind").value("WITHDRAWAL"))
                .andExpect(jsonPath("$.amount").value(-2000))
                .andExpect(jsonPath("$.balanceAfter").value(3000));
        withdraw(UUID.randomUUID().toString(), "{\"amount\": 3001}")
                .andExpect(status().isConflict())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value(PROBLEMS + "insufficient-funds"));
        mvc.perform(get("/api/wallet").with(token(account))).andExpect(jsonPath("$.balance").value(3000));
    }

    @Test
    void aDeclinedDepositIsPaymentRequiredAndMovesNothing() throws Exception {
        deposit(UUID.randomUUID().toString(), "{\"amount\": 66600}")
                .andExpect(status().isPaymentRequired())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value(PROBLEMS + "payment-declined"))
                .andExpect(jsonPath("$.detail").value("The payment was declined: card declined."));
        mvc.perform(get("/api/wallet/entries").with(token(account))).andExpect(jsonPath("$.total").value(0));
    }

    @Test
    void aDepositAboveTheMaximumNamesTheAmount() throws Exception {
        deposit(UUID.randomUUID().toString(), "{\"amount\": 1000001}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("amount"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/wallet/deposits", "/api/wallet/withdrawals"})
    void theIdempotencyKeyHeaderIsRequiredAndBounded(String path) throws Exception {
        mvc.perform(post(path).with(token(account)).contentType(MediaType.APPLICATION_JSON).content("{\"amount\": 100}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("Idempotency-Key"));
        mvc.perform(post(path).with(token(account)).header("Idempotency-Key", "k".repeat(101))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"amount\": 100}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("Idempotency-Key"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"amount\": 0}", "{\"amount\": -5}", "{}", "{\"amount\": null}",
            "{\"amount\": \"abc\"}", "{\"amount\": \"5000\"}", "{\"amount\": 12.5}", "{\"amount\": 5000.0}",
            "{\"amount\": 99999999999999999999}", "{\"amount\": true}"})
    void aBadAmountIsA400NamingTheField(String body) throws Exception {
        for (String path : List.of("/api/wallet/deposits", "/api/wallet/withdrawals")) {
            mvc.perform(post(path).with(token(account)).header("Idempotency-Key", UUID.randomUUID().toString())
                            .contentType(MediaType.APPLICATION_JSON).content(body))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.errors[0].field").value("amount"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/wallet/deposits", "/api/wallet/withdrawals"})
    void anUnknownFieldOrMalformedJsonIsA400(String path) throws Exception {
        mvc.perform(post(path).with(token(account)).header("Idempotency-Key", UUID.randomUUID().toString())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"amount\": 100, \"currency\": \"USD\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("currency"));
        mvc.perform(post(path).with(token(account)).header("Idempotency-Key", UUID.randomUUID().toString())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"amount\": "))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value(PROBLEMS + "malformed-json"));
        mvc.perform(post(path).with(token(account)).header("Idempotency-Key", UUID.randomUUID().toString())
                        .contentType(MediaType.APPLICATION_JSON))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void everyEndpointNeedsAToken() throws Exception {
        List<MockHttpServletRequestBuilder> requests = List.of(get("/api/wallet"), get("/api/wallet/entries"),
                post("/api/wallet/deposits").header("Idempotency-Key", "k").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"amount\": 100}"),
                post("/api/wallet/withdrawals").header("Idempotency-Key", "k").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"amount\": 100}"));
        for (MockHttpServletRequestBuilder request : requests) {
            mvc.perform(request)
                    .andExpect(status().isUnauthorized())
                    .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        }
    }

    @Test
    void entriesAreTheWalletsMovementsNewestFirst() throws Exception {
        deposit(UUID.randomUUID().toString(), "{\"amount\": 5000}").andExpect(status().isCreated());
        withdraw(UUID.randomUUID().toString(), "{\"amount\": 1250}").andExpect(status().isCreated());

        mvc.perform(get("/api/wallet/entries").with(token(account)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.page").value(0))
                .andExpect(jsonPath("$.size").value(50))
                .andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.items", hasSize(2)))
                .andExpect(jsonPath("$.items[0].kind").value("WITHDRAWAL"))
                .andExpect(jsonPath("$.items[0].amount").value(-1250))
                .andExpect(jsonPath("$.items[0].balanceAfter").value(3750))
                .andExpect(jsonPath("$.items[0].reference").value("withdrawal"))
                .andExpect(jsonPath("$.items[0].movementId").value(notNullValue()))
                .andExpect(jsonPath("$.items[0].at").value(notNullValue()))
                .andExpect(jsonPath("$.items[1].kind").value("DEPOSIT"))
                .andExpect(jsonPath("$.items[1].amount").value(5000));
        mvc.perform(get("/api/wallet/entries").param("page", "1").param("size", "1").with(token(account)))
                .andExpect(jsonPath("$.items", hasSize(1)))
                .andExpect(jsonPath("$.items[0].kind").value("DEPOSIT"))
                .andExpect(jsonPath("$.total").value(2));
    }

    @ParameterizedTest
    @ValueSource(strings = {"page=-1", "size=0", "size=201", "page=abc", "size=x"})
    void entriesPagingIsValidated(String query) throws Exception {
        String[] parameter = query.split("=");
        mvc.perform(get("/api/wallet/entries").param(parameter[0], parameter[1]).with(token(account)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value(parameter[0]));
    }

    private ResultActions deposit(String key, String body) throws Exception {
        return mvc.perform(post("/api/wallet/deposits").with(token(account)).header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private ResultActions withdraw(String key, String body) throws Exception {
        return mvc.perform(post("/api/wallet/withdrawals").with(token(account)).header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    static RequestPostProcessor token(AccountId account) {
        return jwt().jwt(j -> j.subject(account.toString()).claim("roles", List.of("CUSTOMER")));
    }
}
