package dev.paddock.tote.settlement;

import static dev.paddock.tote.settlement.SettlementFixtures.unit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.paddock.identity.AccountId;
import dev.paddock.parimutuel.BetType;
import dev.paddock.parimutuel.PoolDividends;
import dev.paddock.parimutuel.PoolExtras;
import dev.paddock.parimutuel.PoolResult;
import dev.paddock.tote.PoolCard;
import dev.paddock.tote.RaceCard;
import dev.paddock.tote.betting.Selections;
import dev.paddock.tote.betting.ToteFixtures;
import dev.paddock.tote.results.Results;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/** The Quinté+ Tirelire: a pool nobody won feeds the fund, a later pool's jackpot draws it into its top rank. */
class QuinteJackpotIT extends SettlementIT {

    @Autowired
    RuleSets ruleSets;

    @Autowired
    Results officialResults;

    @Test
    void aJackpotDrawsTheReserveFundIntoTheTopRankOnce() throws Exception {
        // a Quinté+ nobody wins: its net pool goes to the fund
        RaceCard first = tote.openRace();
        settled.bet(mvc, tote.player("50.00"), quinte(first).id(), unit(9, 8, 7, 6, 5), 2000);
        desk.close(first.id());
        results.official(first.id(), "1 2 3 4 5", "");
        settlements.settle(first.id());
        long fund = fund();
        assertThat(fund).isPositive();

        RaceCard second = tote.openRace();
        PoolCard pool = quinte(second);
        long jackpot = fund + 100_000;
        mvc.perform(put("/api/tote/ops/pools/{id}/jackpot", pool.id()).with(CancellationIT.operator())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"amount\": " + jackpot + "}"))
                .andExpect(status().isNoContent());
        mvc.perform(put("/api/tote/ops/pools/{id}/jackpot", ToteFixtures.pool(second, BetType.TIERCE).id())
                        .with(CancellationIT.operator())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"amount\": 100}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("https://paddock.dev/problems/no-jackpot"));
        AccountId winner = tote.player("50.00");
        UUID winning = settled.bet(mvc, winner, pool.id(), unit(1, 2, 3, 4, 5), 200);
        settled.bet(mvc, tote.player("50.00"), pool.id(), unit(5, 4, 3, 2, 1), 200);
        desk.close(second.id());
        results.official(second.id(), "1 2 3 4 5", "");
        settlements.settle(second.id());

        // the whole fund is drawn (the jackpot asked for more than it holds), into the ordre rank
        Map<String, Object> settlement = jdbc.sql("select * from tote.pool_settlements where pool_id = :pool")
                .param("pool", pool.id()).query().singleRow();
        assertThat((long) settlement.get("reserve_out_cents")).isEqualTo(fund);
        PoolResult withDraw = engine(second, pool, new PoolExtras(List.of(), fund, 0));
        PoolResult without = engine(second, pool, PoolExtras.NONE);
        long expected = withDraw.pay(Selections.read("U:1,2,3,4,5"), 200).winningsCents();
        assertThat(expected).isGreaterThan(without.pay(Selections.read("U:1,2,3,4,5"), 200).winningsCents() + fund / 2);
        SettlementFixtures.assertPaidOnce(settled.paid(winning), expected, null);
        assertThat(fund()).isEqualTo((long) settlement.get("reserve_in_cents"));
        assertThat(jdbc.sql("select amount_cents from tote.reserve_moves where pool_id = :pool")
                .param("pool", pool.id()).query(Long.class).list())
                .containsExactly((long) settlement.get("reserve_in_cents") - fund);

        settlements.settle(second.id());
        assertThat(fund()).isEqualTo((long) settlement.get("reserve_in_cents"));
        assertThat(settled.raceCredited(second.id())).isEqualTo(settled.paidOnRaceTickets(second.id())).isPositive();
    }

    private PoolResult engine(RaceCard race, PoolCard pool, PoolExtras extras) {
        return PoolDividends.compute(BetType.QUINTE_PLUS, ruleSets.newest().of(pool.family(), BetType.QUINTE_PLUS)
                        .withTakeout(pool.takeoutBasisPoints()),
                List.of(officialResults.official(race.id()).orElseThrow().arrival()), store.totals(pool.id()), extras);
    }

    private static PoolCard quinte(RaceCard race) {
        return ToteFixtures.pool(race, BetType.QUINTE_PLUS);
    }

    private long fund() {
        return jdbc.sql("""
                        select coalesce(max(balance_cents), 0) from tote.reserve_funds
                        where bet_type = 'QUINTE_PLUS' and channel_family = 'ONLINE'""")
                .query(Long.class).single();
    }
}
