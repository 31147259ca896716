package dev.paddock.tote.odds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.paddock.identity.AccountId;
import dev.paddock.parimutuel.BetType;
import dev.paddock.tote.PoolCard;
import dev.paddock.tote.RaceCard;
import dev.paddock.tote.betting.BettingApiIT;
import dev.paddock.tote.betting.ToteFixtures;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@ActiveProfiles("test")
@AutoConfigureMockMvc
class OddsIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    ToteFixtures tote;

    @Autowired
    OddsBoard board;

    @Test
    void probableOddsFollowTheLiveTotalsOfTheOpenRace() throws Exception {
        RaceCard race = tote.openRace();
        mvc.perform(get("/api/tote/races/" + race.id() + "/odds")).andExpect(status().isOk())
                .andExpect(jsonPath("$.win.length()").value(0));
        PoolCard win = ToteFixtures.pool(race, BetType.SIMPLE_GAGNANT);
        PoolCard couple = ToteFixtures.pool(race, BetType.COUPLE_GAGNANT);
        AccountId player = tote.player("100.00");
        bet(player, win, "[3]", 150);
        bet(player, win, "[5]", 300);
        bet(player, couple, "[3,5]", 100);

        board.refresh();

        // (1 - 13.90 %) x 4.50 / 1.50 = 2.58 -> 2.50; x 4.50 / 3.00 = 1.29 -> 1.20
        mvc.perform(get("/api/tote/races/" + race.id() + "/odds"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.win[0].runner").value(3))
                .andExpect(jsonPath("$.win[0].dividend").value(250))
                .andExpect(jsonPath("$.win[1].runner").value(5))
                .andExpect(jsonPath("$.win[1].dividend").value(120))
                .andExpect(jsonPath("$.couple[0].first").value(3))
                .andExpect(jsonPath("$.couple[0].second").value(5));
        String fragment = mvc.perform(get("/tote/races/" + race.id() + "/odds"))
                .andExpect(status().isOk()).andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andReturn().getResponse().getContentAsString();
        assertThat(fragment).contains("2.50").contains("1.20");
        mvc.perform(get("/api/tote/races/" + UUID.randomUUID() + "/odds")).andExpect(status().isNotFound());
        mvc.perform(get("/api/tote/races/nope/odds")).andExpect(status().isBadRequest());
    }

    private void bet(AccountId player, PoolCard pool, String runners, long stake) throws Exception {
        mvc.perform(post("/api/tote/bets").with(BettingApiIT.as(player)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"requestId\":\"" + UUID.randomUUID() + "\",\"poolId\":\"" + pool.id()
                                + "\",\"stake\":" + stake + ",\"formulation\":{\"type\":\"UNIT\",\"runners\":" + runners + "}}"))
                .andExpect(status().isCreated());
    }
}
