package dev.paddock.wallet.web;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;

import dev.paddock.identity.AccountId;
import dev.paddock.identity.security.AccountPrincipal;
import dev.paddock.shared.Money;
import dev.paddock.wallet.IdempotencyKey;
import dev.paddock.wallet.InsufficientFunds;
import dev.paddock.wallet.Purpose;
import dev.paddock.wallet.Wallets;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@SpringBootTest
@ActiveProfiles("test")
@AutoConfigureMockMvc
class WalletPageIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    Wallets wallets;

    AccountId account;

    @BeforeEach
    void newAccount() {
        account = AccountId.random();
    }

    @Test
    void thePageShowsBalanceFormsHistoryAndTheLiveChannel() throws Exception {
        wallets.deposit(account, Money.parse("12.50"), IdempotencyKey.of("test:" + UUID.randomUUID()));

        mvc.perform(get("/wallet").with(signedIn()).locale(Locale.ENGLISH))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("id=\"wallet-balance\""), containsString("aria-live=\"polite\""),
                        containsString("€12.50"),
                        containsString("id=\"deposit-amount\""), containsString("id=\"deposit-submit\""),
                        containsString("id=\"withdrawal-amount\""), containsString("name=\"idempotencyKey\""),
                        containsString("name=\"_csrf\""),
                        containsString("data-live=\"/live/stream\""), containsString("data-live-events=\"wallet\""),
                        containsString("hx-trigger=\"live:wallet from:body\""),
                        containsString("<td>Deposit</td>"), containsString("+€12.50"))));
    }

    @Test
    void theFrenchPageWritesAmountsTheFrenchWay() throws Exception {
        wallets.deposit(account, Money.parse("1234.50"), IdempotencyKey.of("test:" + UUID.randomUUID()));

        String page = mvc.perform(get("/wallet").with(signedIn()).param("lang", "fr"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("Porte-monnaie", "Déposer", "Dépôt").containsPattern("1[\\s\\u00a0\\u202f]234,50[\\s\\u00a0\\u202f]€");
    }

    @Test
    void aDepositThroughTheFormMovesTheMoneyOnceEvenWhenSentTwice() throws Exception {
        String key = UUID.randomUUID().toString();

        for (int i = 0; i < 2; i++) {
            mvc.perform(post("/wallet/deposits").with(signedIn()).with(csrf()).locale(Locale.FRENCH)
                            .param("amount", "12,50").param("idempotencyKey", key))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("12,50")));
        }

        assertThat(wallets.wallet(account).balance()).isEqualTo(Money.ofCents(1250));
        assertThat(wallets.entries(account, 0, 10).total()).isEqualTo(1);
    }

    @Test
    void anHtmxDepositAnswersWithTheFormAndTheRefreshedBalanceOutOfBand() throws Exception {
        htmxPost("/wallet/deposits", "20.00")
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("id=\"deposit-form\""), containsString("Deposited €20.00."),
                        containsString("id=\"wallet-balance-card\""), containsString("hx-swap-oob=\"true\""),
                        containsString("id=\"wallet-history\""), containsString("€20.00"),
                        not(containsString("<html")))));

        assertThat(wallets.wallet(account).balance()).isEqualTo(Money.ofCents(2000));
    }

    @Test
    void aBadAmountIsShownNextToTheField() throws Exception {
        for (String amount : List.of("", "abc", "12.345", "0", "1,250.00", "-3")) {
            htmxPost("/wallet/deposits", amount)
                    .andExpect(status().isOk())
                    .andExpect(content().string(allOf(containsString("class=\"field-error\""),
                            containsString("aria-invalid=\"true\""),
                            containsString("aria-describedby=\"deposit-error\""))));
        }
        assertThat(wallets.entries(account, 0, 10).total()).isZero();
    }

    @Test
    void refusalsAreExplainedInTheCustomersLanguage() throws Exception {
        htmxPost("/wallet/withdrawals", "5.00")
                .andExpect(content().string(containsString("Your balance is too low for this amount.")));
        htmxPost("/wallet/deposits", "666.00")
                .andExpect(content().string(containsString("The payment was declined: card declined.")));
        mvc.perform(post("/wallet/withdrawals").with(signedIn()).with(csrf()).header("HX-Request", "true")
                        .locale(Locale.FRENCH).param("amount", "5,00")
                        .param("idempotencyKey", UUID.randomUUID().toString()))
                .andExpect(content().string(containsString("Votre solde est insuffisant pour ce montant.")));
    }

    @Test
    void aWithdrawalThroughTheFormTakesFromTheWallet() throws Exception {
        wallets.credit(account, Money.parse("30.00"), Purpose.payout("tote", "r1"), IdempotencyKey.of("test:" + UUID.randomUUID()));

        htmxPost("/wallet/withdrawals", "10")
                .andExpect(content().string(containsString("Withdrew €10.00")));

        assertThat(wallets.wallet(account).balance()).isEqualTo(Money.parse("20.00"));
    }

    @Test
    void aMovementIsPushedToTheAccountsOpenPagesAfterCommit() throws Exception {
        MvcResult stream = mvc.perform(get("/live/stream").with(signedIn()))
                .andExpect(request().asyncStarted()).andReturn();

        wallets.deposit(account, Money.parse("12.50"), IdempotencyKey.of("test:" + UUID.randomUUID()));
        assertThatThrownBy(() -> wallets.debit(account, Money.parse("20.00"), Purpose.bet("tote", 1),
                IdempotencyKey.of("test:" + UUID.randomUUID()))).isInstanceOf(InsufficientFunds.class);
        wallets.debit(account, Money.parse("2.50"), Purpose.bet("tote", 2), IdempotencyKey.of("test:" + UUID.randomUUID()));

        String events = stream.getResponse().getContentAsString();
        assertThat(events.lines().filter(line -> line.startsWith("event:wallet")).count()).isEqualTo(2);
        assertThat(events).contains("data:{\"balance\":1250}", "data:{\"balance\":1000}");
    }

    @Test
    void theLiveFragmentsRenderAlone() throws Exception {
        mvc.perform(get("/wallet/balance").with(signedIn()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"wallet-balance\""), not(containsString("<html")))));
        mvc.perform(get("/wallet/history").param("page", "0").with(signedIn()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"wallet-history\""), not(containsString("<html")))));
    }

    @Test
    void thePageIsForSignedInAccountsAndFormsNeedCsrf() throws Exception {
        mvc.perform(get("/wallet")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
        mvc.perform(post("/wallet/deposits").with(signedIn()).param("amount", "5").param("idempotencyKey", "k"))
                .andExpect(status().isForbidden());
        assertThat(wallets.entries(account, 0, 10).total()).isZero();
    }

    private ResultActions htmxPost(String path, String amount) throws Exception {
        return mvc.perform(post(path).with(signedIn()).with(csrf()).header("HX-Request", "true").locale(Locale.ENGLISH)
                .param("amount", amount).param("idempotencyKey", UUID.randomUUID().toString()));
    }

    private RequestPostProcessor signedIn() {
        return user(new AccountPrincipal(account, "x@y.z", "n/a", true, true,
                List.of(new SimpleGrantedAuthority("ROLE_CUSTOMER"))));
    }
}
