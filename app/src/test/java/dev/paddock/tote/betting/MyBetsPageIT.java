package dev.paddock.tote.betting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.paddock.identity.TestAccounts;
import dev.paddock.identity.account.Account;
import dev.paddock.parimutuel.BetType;
import dev.paddock.shared.Money;
import dev.paddock.tote.PoolCard;
import dev.paddock.tote.RaceCard;
import dev.paddock.tote.programme.ProgrammeDesk;
import dev.paddock.wallet.IdempotencyKey;
import dev.paddock.wallet.Wallets;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@ActiveProfiles("test")
@AutoConfigureMockMvc
class MyBetsPageIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    ToteFixtures tote;

    @Autowired
    TestAccounts accounts;

    @Autowired
    Wallets wallets;

    @Autowired
    Betting betting;

    @Autowired
    ProgrammeDesk desk;

    @Test
    void thePageListsTheBetsAndCancelsOneInEnglishAndFrench() throws Exception {
        RaceCard race = tote.openRace();
        PoolCard win = ToteFixtures.pool(race, BetType.SIMPLE_GAGNANT);
        Account player = accounts.create();
        wallets.deposit(player.id(), Money.parse("10.00"), IdempotencyKey.of("test:" + UUID.randomUUID()));
        BetOutcome bet = betting.place(player.id(), new PlaceBetRequest("page-1", win.id(),
                new PlaceBetRequest.FormulationInput("UNIT", List.of(7), null, null, null), 150L, null), null);

        String english = mvc.perform(get("/tote/my-bets").with(user(TestAccounts.principal(player))).locale(Locale.ENGLISH))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(english).contains("My bets").contains(race.code()).contains("1.50 €").contains("Accepted");
        String french = mvc.perform(get("/tote/my-bets").with(user(TestAccounts.principal(player))).locale(Locale.FRENCH))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(french).contains("Mes paris").contains("Accepté").contains("Annuler");

        mvc.perform(post("/tote/my-bets/" + bet.betId() + "/cancellation").with(user(TestAccounts.principal(player))))
                .andExpect(status().isForbidden());
        mvc.perform(post("/tote/my-bets/" + bet.betId() + "/cancellation").with(user(TestAccounts.principal(player)))
                        .with(csrf()))
                .andExpect(redirectedUrl("/tote/my-bets"));
        assertThat(tote.status(bet.betId())).isEqualTo("CANCELLED");
        assertThat(tote.balance(player.id())).isEqualTo(1000);
        mvc.perform(get("/tote/my-bets")).andExpect(status().is3xxRedirection());
    }

    @Test
    void aBetOnARaceWhoseBettingHasStoppedOffersNoCancelButton() throws Exception {
        RaceCard race = tote.openRace();
        PoolCard win = ToteFixtures.pool(race, BetType.SIMPLE_GAGNANT);
        Account player = accounts.create();
        wallets.deposit(player.id(), Money.parse("10.00"), IdempotencyKey.of("test:" + UUID.randomUUID()));
        betting.place(player.id(), new PlaceBetRequest("page-2", win.id(),
                new PlaceBetRequest.FormulationInput("UNIT", List.of(7), null, null, null), 150L, null), null);
        assertThat(page(player)).contains(">Cancel</button>");

        desk.close(race.id());

        assertThat(page(player)).contains(race.code()).doesNotContain(">Cancel</button>");
    }

    private String page(Account player) throws Exception {
        return mvc.perform(get("/tote/my-bets").with(user(TestAccounts.principal(player))).locale(Locale.ENGLISH))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }
}
