package dev.paddock.tote.settlement;

import static dev.paddock.tote.settlement.SettlementFixtures.combined;
import static dev.paddock.tote.settlement.SettlementFixtures.unit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.paddock.identity.AccountId;
import dev.paddock.identity.security.AccountPrincipal;
import dev.paddock.parimutuel.BetType;
import dev.paddock.tote.RaceCard;
import dev.paddock.tote.betting.BettingApiIT;
import dev.paddock.tote.betting.ToteFixtures;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

class CancellationIT extends SettlementIT {

    @Test
    void aCancelledRaceRefundsEveryTicketOnceIntoItsWallet() throws Exception {
        RaceCard race = tote.openRace();
        AccountId ann = tote.player("100.00");
        AccountId bob = tote.player("50.00");
        UUID win = settled.bet(mvc, ann, ToteFixtures.pool(race, BetType.SIMPLE_GAGNANT).id(), unit(3), 300);
        UUID tierce = settled.bet(mvc, ann, ToteFixtures.pool(race, BetType.TIERCE).id(), combined(1, 2, 3), 100);
        UUID place = settled.bet(mvc, bob, ToteFixtures.pool(race, BetType.SIMPLE_PLACE).id(), unit(5), 150);
        assertThat(tote.balance(ann)).isEqualTo(100_00 - 300 - 600);

        desk.cancel(race.id());
        settlements.settle(race.id());
        settlements.settle(race.id());

        SettlementFixtures.assertPaidOnce(settled.paid(win), null, 300L);
        SettlementFixtures.assertPaidOnce(settled.paid(tierce), null, 600L);
        SettlementFixtures.assertPaidOnce(settled.paid(place), null, 150L);
        settled.assertWalletMatchesLedger(ann, 100_00);
        settled.assertWalletMatchesLedger(bob, 50_00);
        // one refund per account for the race, whatever its number of pools and tickets
        assertThat(settled.raceCreditKeys(race.id())).containsExactlyInAnyOrder(
                "tote-settle:race:" + race.id() + ":" + ann + ":refund", "tote-settle:race:" + race.id() + ":" + bob + ":refund");
        assertThat(settled.raceCredited(race.id())).isEqualTo(300 + 600 + 150);

        mvc.perform(get("/api/tote/races/{id}/settlement", race.id()).with(operator()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SETTLED"))
                .andExpect(jsonPath("$.pools.length()").value(race.pools().stream().filter(p -> !p.betType().multiRace()).count()))
                .andExpect(jsonPath("$.pools[?(@.betType == 'TIERCE' && @.channelFamily == 'ONLINE')].stakes").value(600))
                .andExpect(jsonPath("$.pools[?(@.betType == 'TIERCE' && @.channelFamily == 'ONLINE')].refunds").value(600))
                .andExpect(jsonPath("$.pools[?(@.betType == 'TIERCE' && @.channelFamily == 'ONLINE')].paidRefunds").value(600))
                .andExpect(jsonPath("$.pools[?(@.betType == 'TIERCE' && @.channelFamily == 'ONLINE')].refundedTickets").value(1))
                .andExpect(jsonPath("$.pools[?(@.betType == 'TIERCE' && @.channelFamily == 'ONLINE')].payouts").value(0))
                .andExpect(jsonPath("$.pools[?(@.betType == 'TIERCE' && @.channelFamily == 'ONLINE')].status").value("PAID"));
        mvc.perform(get("/api/tote/my/bets/{id}", tierce).with(BettingApiIT.as(ann)))
                .andExpect(jsonPath("$.outcome").value("REFUNDED"))
                .andExpect(jsonPath("$.refund").value(600));
    }

    @Test
    void onlyOperatorsSeeOrStartASettlementAndARaceWithoutOfficialResultIsRefused() throws Exception {
        RaceCard race = tote.openRace();

        mvc.perform(get("/api/tote/races/{id}/settlement", race.id()).with(BettingApiIT.as(AccountId.random())))
                .andExpect(status().isForbidden());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .post("/api/tote/races/{id}/settle", race.id()).with(operator()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("https://paddock.dev/problems/race-not-official"));
        mvc.perform(get("/api/tote/races/{id}/settlement", race.id()).with(operator()))
                .andExpect(jsonPath("$.status").value("NOT_SETTLED"))
                .andExpect(jsonPath("$.pools.length()").value(0));
        mvc.perform(get("/api/tote/races/{id}/settlement", UUID.randomUUID()).with(operator()))
                .andExpect(status().isNotFound());
    }

    @Test
    void theOperatorsDayPageSettlesACancelledRaceWithItsButton() throws Exception {
        RaceCard race = tote.openRace();
        String date = jdbc.sql("select m.date::text from tote.meetings m where m.id = :id").param("id", race.meetingId())
                .query(String.class).single();
        RequestPostProcessor operator = SecurityMockMvcRequestPostProcessors.user(new AccountPrincipal(
                AccountId.random(), "ops@example.com", "n/a", true, true, List.of(new SimpleGrantedAuthority("ROLE_OPERATOR"))));
        assertThat(dayPage(date, operator)).doesNotContain("/settle");

        desk.cancel(race.id());
        assertThat(dayPage(date, operator)).contains("/backoffice/tote/races/" + race.id() + "/settle").contains("Settle now");
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .post("/backoffice/tote/races/{id}/settle", race.id()).param("date", date).with(operator)
                        .with(SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(redirectedUrl("/backoffice/tote?date=" + date))
                .andExpect(flash().attribute("flash", org.hamcrest.Matchers.startsWith("Settlement started")));
    }

    private String dayPage(String date, RequestPostProcessor operator) throws Exception {
        return mvc.perform(get("/backoffice/tote").param("date", date).with(operator).locale(java.util.Locale.ENGLISH))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    static RequestPostProcessor operator() {
        return SecurityMockMvcRequestPostProcessors.jwt()
                .jwt(j -> j.subject(UUID.randomUUID().toString()).claim("roles", List.of("OPERATOR")))
                .authorities(new SimpleGrantedAuthority("ROLE_OPERATOR"));
    }
}
