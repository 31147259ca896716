package dev.paddock.tote.settlement;

import static dev.paddock.tote.settlement.SettlementFixtures.unit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.paddock.identity.AccountId;
import dev.paddock.parimutuel.BetType;
import dev.paddock.parimutuel.ChannelFamily;
import dev.paddock.tote.DividendsPublished;
import dev.paddock.tote.PoolCard;
import dev.paddock.tote.RaceCard;
import dev.paddock.tote.betting.ToteFixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

class Big5SettlementIT extends SettlementIT {

    @Test
    void aBig5WithACancelledLegAndANonRunnerIsSettledWhenItsLastLegIs() throws Exception {
        List<RaceCard> legs = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            legs.add(tote.openRace());
        }
        PoolCard big5 = desk.createBig5(legs.stream().map(RaceCard::id).toList()).stream()
                .filter(p -> p.family() == ChannelFamily.ONLINE).findFirst().orElseThrow();
        AccountId ann = tote.player("100.00");
        AccountId bob = tote.player("100.00");
        AccountId cat = tote.player("100.00");
        AccountId dan = tote.player("100.00");
        UUID annBet = settled.bet(mvc, ann, big5.id(), legs(List.of(1), List.of(2), List.of(9), List.of(4), List.of(5)), 100);
        UUID bobBet = settled.bet(mvc, bob, big5.id(), legs(List.of(1), List.of(2), List.of(3), List.of(4), List.of(6)), 100);
        UUID catBet = settled.bet(mvc, cat, big5.id(), legs(List.of(1, 7), List.of(2), List.of(3), List.of(4), List.of(5)), 100);
        UUID danBet = settled.bet(mvc, dan, big5.id(), legs(List.of(1), List.of(2), List.of(3), List.of(8), List.of(5)), 100);
        // leg 4's favourite: runner 4 holds the largest Simple Gagnant stake
        settled.bet(mvc, bob, ToteFixtures.pool(legs.get(3), BetType.SIMPLE_GAGNANT).id(), unit(4), 1500);
        settled.bet(mvc, bob, ToteFixtures.pool(legs.get(3), BetType.SIMPLE_GAGNANT).id(), unit(6), 300);
        desk.declareNonRunner(legs.get(3).id(), 8);

        desk.cancel(legs.get(2).id());
        settlements.settle(legs.get(2).id());
        String[] finishes = {"1 2 3 4 5", "2 1 3 4 5", null, "4 1 2 3 5", "5 1 2 3 4"};
        for (int i = 0; i < 5; i++) {
            if (finishes[i] != null) {
                assertThat(settled.poolStatus(big5.id())).as("the Big 5 waits for its last leg").isNull();
                desk.close(legs.get(i).id());
                results.official(legs.get(i).id(), finishes[i], "");
                settlements.settle(legs.get(i).id());
            }
        }

        // 5.00 staked, 75 % of it shared by the 3 winning units: floor_0.10(3.75 / 3.00) = 1.20 per euro
        SettlementFixtures.assertPaidOnce(settled.paid(annBet), 120L, null);
        SettlementFixtures.assertPaidOnce(settled.paid(catBet), 120L, null);
        SettlementFixtures.assertPaidOnce(settled.paid(danBet), 120L, null);
        assertThat(settled.paid(bobBet).settled()).isFalse();
        settled.assertWalletMatchesLedger(cat, 100_00 - 200 + 120);
        assertThat(settled.poolStatus(big5.id())).isEqualTo("PAID");
        assertThat(jdbc.sql("select arrivals ->> :leg from tote.pool_settlements where pool_id = :pool")
                .param("leg", legs.get(2).id().toString()).param("pool", big5.id()).query(String.class).single())
                .isEqualTo("0");
        assertThat(published.withPool(big5.id())).singleElement().satisfies(event -> {
            assertThat(event.raceId()).isEqualTo(legs.get(4).id());
            assertThat(event.pools().getFirst().dividends()).extracting(DividendsPublished.Dividend::dividendCents)
                    .containsOnly(120L);
        });
    }

    @Test
    void aBig5WhoseLegsAreAllCancelledIsRefunded() throws Exception {
        List<RaceCard> legs = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            legs.add(tote.openRace());
        }
        PoolCard big5 = desk.createBig5(legs.stream().map(RaceCard::id).toList()).getFirst();
        AccountId ann = tote.player("10.00");
        UUID bet = settled.bet(mvc, ann, big5.id(), legs(List.of(1, 2), List.of(2), List.of(3), List.of(4), List.of(5)), 100);

        for (RaceCard leg : legs) {
            desk.cancel(leg.id());
            settlements.settle(leg.id());
        }

        SettlementFixtures.assertPaidOnce(settled.paid(bet), null, 200L);
        settled.assertWalletMatchesLedger(ann, 10_00);
    }

    @Test
    void nobodyWinningFeedsTheReserveFundWhichTopsUpAGuaranteedBig5BeforeTheOperator() throws Exception {
        List<RaceCard> legs = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            legs.add(tote.openRace());
        }
        List<UUID> raceIds = legs.stream().map(RaceCard::id).toList();
        PoolCard unwon = online(desk.createBig5(raceIds));
        PoolCard guaranteed = online(desk.createBig5(raceIds));
        mvc.perform(put("/api/tote/ops/pools/{id}/guarantee", guaranteed.id()).with(CancellationIT.operator())
                .contentType(MediaType.APPLICATION_JSON).content("{\"amount\":10000}")).andExpect(status().isNoContent());
        mvc.perform(put("/api/tote/ops/pools/{id}/guarantee", ToteFixtures.pool(legs.getFirst(), BetType.TIERCE).id())
                        .with(CancellationIT.operator()).contentType(MediaType.APPLICATION_JSON).content("{\"amount\":100}"))
                .andExpect(status().isConflict());
        mvc.perform(put("/api/tote/ops/pools/{id}/guarantee", guaranteed.id()).with(CancellationIT.operator())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"amount\":-1}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("amount"));
        AccountId ann = tote.player("10.00");
        AccountId bob = tote.player("10.00");
        settled.bet(mvc, ann, unwon.id(), legs(List.of(1), List.of(1), List.of(1), List.of(1), List.of(1)), 100);
        UUID bobBet = settled.bet(mvc, bob, guaranteed.id(), legs(List.of(2), List.of(2), List.of(2), List.of(2), List.of(2)), 100);
        long fundBefore = fund();

        for (RaceCard leg : legs) {
            desk.close(leg.id());
            results.official(leg.id(), "2 3 4 5 6", "");
            settlements.settle(leg.id());
        }

        Map<String, Object> toFund = settlement(unwon.id());
        assertThat(toFund.get("reserve_in_cents")).as("the net pool nobody won").isEqualTo(75L);
        Map<String, Object> topped = settlement(guaranteed.id());
        long drawn = (long) topped.get("reserve_out_cents");
        assertThat(drawn + (long) topped.get("operator_top_up_cents")).isEqualTo(10000L - 75);
        assertThat(drawn).isBetween(0L, fundBefore + 75);
        assertThat(moves(unwon.id())).containsExactly(75L);
        assertThat(moves(guaranteed.id())).isEqualTo(drawn == 0 ? List.of() : List.of(-drawn));
        assertThat(fund()).isEqualTo(fundBefore + 75 - drawn);
        SettlementFixtures.assertPaidOnce(settled.paid(bobBet), 10000L, null);
        settled.assertWalletMatchesLedger(bob, 10_00 - 100 + 10000);
    }

    private static PoolCard online(List<PoolCard> pools) {
        return pools.stream().filter(p -> p.family() == ChannelFamily.ONLINE).findFirst().orElseThrow();
    }

    private long fund() {
        return jdbc.sql("select coalesce(max(balance_cents), 0) from tote.reserve_funds where bet_type = 'BIG5' and channel_family = 'ONLINE'")
                .query(Long.class).single();
    }

    private Map<String, Object> settlement(UUID poolId) {
        return jdbc.sql("select * from tote.pool_settlements where pool_id = :pool").param("pool", poolId).query().singleRow();
    }

    private List<Long> moves(UUID poolId) {
        return jdbc.sql("select amount_cents from tote.reserve_moves where pool_id = :pool").param("pool", poolId)
                .query(Long.class).list();
    }

    private static String legs(List<?>... legs) {
        return "{\"type\":\"LEGS\",\"legs\":" + List.of(legs) + "}";
    }
}
