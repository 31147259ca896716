package dev.paddock.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.paddock.identity.Role;
import dev.paddock.identity.TestAccounts;
import dev.paddock.identity.account.Account;
import dev.paddock.parimutuel.BetType;
import dev.paddock.shared.Money;
import dev.paddock.tote.PoolCard;
import dev.paddock.tote.RaceCard;
import dev.paddock.tote.betting.ToteFixtures;
import dev.paddock.tote.programme.ProgrammeDesk;
import dev.paddock.tote.results.ResultFixtures;
import dev.paddock.wallet.IdempotencyKey;
import dev.paddock.wallet.Wallets;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A player's "My bets" page, open in a real headless Chromium, shows the winnings once the race is settled,
 * without a reload. Skipped on a machine without chromium.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@AutoConfigureMockMvc
class WinningsBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    ToteFixtures tote;

    @Autowired
    ResultFixtures results;

    @Autowired
    ProgrammeDesk desk;

    @Autowired
    Wallets wallets;

    private HeadlessChromium chromium;

    @BeforeEach
    void startBrowser() throws Exception {
        chromium = HeadlessChromium.start(port);
    }

    @AfterEach
    void stopBrowser() throws Exception {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void myBetsShowTheWinningsAsSoonAsTheRaceIsPaid() throws Exception {
        RaceCard race = tote.openRace();
        PoolCard win = ToteFixtures.pool(race, BetType.SIMPLE_GAGNANT);
        Account player = accounts.create();
        wallets.deposit(player.id(), Money.parse("20.00"), IdempotencyKey.of("test:" + UUID.randomUUID()));
        bet(player, win, 3, win.unitStake().cents());
        Account loser = accounts.create();
        wallets.deposit(loser.id(), Money.parse("20.00"), IdempotencyKey.of("test:" + UUID.randomUUID()));
        bet(loser, win, 5, 10 * win.unitStake().cents());

        chromium.open("/login");
        chromium.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("email"))).sendKeys(player.email());
        chromium.browser.findElement(By.id("password")).sendKeys(TestAccounts.PASSWORD);
        chromium.browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        chromium.wait.until(d -> !d.getCurrentUrl().contains("/login"));
        chromium.open("/tote/my-bets");
        chromium.waitForLiveStream();
        assertThat(bets()).contains(race.code(), "Awaiting result");

        desk.close(race.id());
        results.official(race.id(), "3 1 7 5 2", "");
        mvc.perform(post("/api/tote/races/{id}/settle", race.id())
                        .header(HttpHeaders.AUTHORIZATION, bearer(accounts.create(Role.OPERATOR))))
                .andExpect(status().isAccepted());

        // 11 units in the pool, 1 on the winner: floor_0.10((1 - 13.90 %) x 11) = 9.40 per euro staked
        chromium.wait.until(d -> bets().contains("Won"));
        assertThat(bets()).doesNotContain("Awaiting result")
                .contains(String.format(Locale.ROOT, "%.2f", win.unitStake().cents() * 9.40 / 100));
    }

    private void bet(Account account, PoolCard pool, int runner, long stakeCents) throws Exception {
        mvc.perform(post("/api/tote/bets").header(HttpHeaders.AUTHORIZATION, bearer(account))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"requestId\": \"" + UUID.randomUUID() + "\", \"poolId\": \"" + pool.id()
                                + "\", \"formulation\": {\"type\": \"UNIT\", \"runners\": [" + runner + "]},"
                                + " \"stake\": " + stakeCents + "}"))
                .andExpect(status().isCreated());
    }

    private String bearer(Account account) throws Exception {
        return TestAccounts.bearer(accounts.accessToken(mvc, account));
    }

    // Read in one script call: htmx swaps the table, so a found element can go stale before use.
    private String bets() {
        Object text = chromium.script("var t = document.getElementById('my-bets'); return t ? t.textContent : ''");
        return text == null ? "" : (String) text;
    }
}
