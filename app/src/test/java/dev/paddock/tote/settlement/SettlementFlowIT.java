package dev.paddock.tote.settlement;

import static dev.paddock.tote.settlement.SettlementFixtures.combined;
import static dev.paddock.tote.settlement.SettlementFixtures.unit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.paddock.identity.account.Account;
import dev.paddock.identity.AccountId;
import dev.paddock.identity.TestAccounts;
import dev.paddock.shared.Money;
import dev.paddock.wallet.IdempotencyKey;
import dev.paddock.wallet.Wallets;
import java.util.Locale;
import dev.paddock.parimutuel.BetType;
import dev.paddock.parimutuel.PoolDividends;
import dev.paddock.parimutuel.PoolExtras;
import dev.paddock.parimutuel.PoolResult;
import dev.paddock.parimutuel.TicketPayment;
import dev.paddock.tote.DividendsPublished;
import dev.paddock.tote.PoolCard;
import dev.paddock.tote.Programme;
import dev.paddock.tote.RaceCard;
import dev.paddock.tote.RaceStatus;
import dev.paddock.tote.betting.BettingApiIT;
import dev.paddock.tote.betting.Selections;
import dev.paddock.tote.betting.ToteFixtures;
import dev.paddock.tote.results.Results;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A race from bets to payouts: result entered, settled, dividends stored and published, wallets credited. */
class SettlementFlowIT extends SettlementIT {

    @Autowired
    Programme programme;

    @Autowired
    Results officialResults;

    @Autowired
    RuleSets ruleSets;

    @Autowired
    TestAccounts accounts;

    @Autowired
    Wallets wallets;

    @Test
    void aRaceIsSettledPaidAndPublishedOnce() throws Exception {
        RaceCard race = tote.openRace();
        PoolCard gagnant = ToteFixtures.pool(race, BetType.SIMPLE_GAGNANT);
        PoolCard tierce = ToteFixtures.pool(race, BetType.TIERCE);
        AccountId ann = tote.player("100.00");
        AccountId bob = tote.player("100.00");
        AccountId cat = tote.player("100.00");
        UUID annWin = settled.bet(mvc, ann, gagnant.id(), unit(3), 150);
        UUID bobWin = settled.bet(mvc, bob, gagnant.id(), unit(5), 1500);
        UUID catWin = settled.bet(mvc, cat, gagnant.id(), unit(6), 600);
        UUID annTierce = settled.bet(mvc, ann, tierce.id(), unit(3, 1, 7), 100);
        UUID bobTierce = settled.bet(mvc, bob, tierce.id(), combined(1, 3, 7), 100);
        UUID catTierce = settled.bet(mvc, cat, tierce.id(), combined(2, 4, 6, 8, 9), 100);
        UUID quinte = settled.bet(mvc, cat, ToteFixtures.pool(race, BetType.QUINTE_PLUS).id(), unit(1, 2, 4, 6, 8), 200);
        desk.close(race.id());
        results.official(race.id(), "3 1 7 5 2", "");
        assertThat(store.officialSince(java.time.Instant.now().plusSeconds(1))).as("due for automatic settlement")
                .contains(race.id());
        assertThat(store.officialSince(java.time.Instant.now().minusSeconds(3600))).doesNotContain(race.id());

        mvc.perform(post("/api/tote/races/{id}/settle", race.id()).with(CancellationIT.operator()))
                .andExpect(status().isAccepted());
        settlements.settle(race.id());

        // Simple Gagnant: floor_0.10((1 - 13.90 %) x 22.50 / 1.50) = 12.90 per euro
        SettlementFixtures.assertPaidOnce(settled.paid(annWin), 150L * 1290 / 100, null);
        assertThat(settled.paid(bobWin)).isEqualTo(new SettlementFixtures.Paid(null, null, false));
        assertThat(settled.paid(catWin)).isEqualTo(new SettlementFixtures.Paid(null, null, false));
        assertThat(jdbc.sql("select runners, dividend_cents from tote.dividends where pool_id = :pool")
                .param("pool", gagnant.id()).query((rs, n) -> rs.getString(1) + "=" + rs.getLong(2)).list())
                .containsExactly("3=1290");
        // the Tiercé tickets get what the engine says of the stored pool, the only ticket without a winner nothing
        PoolResult tierceResult = PoolDividends.compute(BetType.TIERCE, ruleSets.newest().of(tierce.family(),
                BetType.TIERCE), List.of(officialResults.official(race.id()).orElseThrow().arrival()),
                store.totals(tierce.id()), PoolExtras.NONE);
        for (UUID bet : List.of(annTierce, bobTierce)) {
            TicketPayment expected = tierceResult.pay(Selections.read(formulation(bet)), 100);
            assertThat(expected.winningsCents()).isPositive();
            SettlementFixtures.assertPaidOnce(settled.paid(bet), expected.winningsCents(), null);
        }
        assertThat(settled.paid(catTierce).settled()).isFalse();
        assertThat(jdbc.sql("select rank from tote.dividends where pool_id = :pool and runners = '3-1-7'")
                .param("pool", tierce.id()).query(String.class).list()).containsExactly("ordre");

        long annWinnings = settled.paid(annWin).winnings() + settled.paid(annTierce).winnings();
        settled.assertWalletMatchesLedger(ann, 100_00 - 150 - 100 + annWinnings);
        settled.assertWalletMatchesLedger(bob, 100_00 - 1500 - 600 + settled.paid(bobTierce).winnings());
        settled.assertWalletMatchesLedger(cat, 100_00 - 600 - 60 * 100 - 200);
        assertThat(settled.paid(quinte).settled()).isFalse();
        // Quinté+ that nobody won: its 8 % share and every unwon rank go to its reserve fund, moved once
        Map<String, Object> quinteSettlement = jdbc.sql("select * from tote.pool_settlements where pool_id = :pool")
                .param("pool", ToteFixtures.pool(race, BetType.QUINTE_PLUS).id()).query().singleRow();
        long quinteReserve = (long) quinteSettlement.get("reserve_in_cents");
        assertThat(quinteReserve).isEqualTo(200 - (long) quinteSettlement.get("takeout_cents"))
                .isGreaterThanOrEqualTo(200 * (10_000 - 3565) / 10_000 * 800 / 10_000);
        assertThat(jdbc.sql("select amount_cents from tote.reserve_moves where pool_id = :pool")
                .param("pool", ToteFixtures.pool(race, BetType.QUINTE_PLUS).id()).query(Long.class).list())
                .containsExactly(quinteReserve);
        assertThat(settled.raceCredited(race.id())).isEqualTo(settled.paidOnRaceTickets(race.id())).isPositive();
        for (PoolCard pool : List.of(gagnant, tierce)) {
            assertConserved(pool.id());
        }
        assertThat(programme.race(race.id()).orElseThrow().status()).isEqualTo(RaceStatus.SETTLED);

        List<DividendsPublished> events = published.of(race.id());
        assertThat(events).hasSize(1);
        assertThat(events.getFirst().pools()).filteredOn(p -> p.poolId().equals(gagnant.id())).singleElement()
                .satisfies(p -> assertThat(p.dividends()).containsExactly(
                        new DividendsPublished.Dividend("gagnant", "3", 1290)));

        mvc.perform(get("/api/tote/races/{id}/settlement", race.id()).with(CancellationIT.operator()))
                .andExpect(jsonPath("$.status").value("SETTLED"))
                .andExpect(jsonPath("$.pools[?(@.poolId == '" + gagnant.id() + "')].stakes").value(2250))
                .andExpect(jsonPath("$.pools[?(@.poolId == '" + gagnant.id() + "')].paidWinnings").value(1935))
                .andExpect(jsonPath("$.pools[?(@.poolId == '" + gagnant.id() + "')].winningTickets").value(1))
                .andExpect(jsonPath("$.pools[?(@.poolId == '" + gagnant.id() + "')].ruleSetVersion")
                        .value(ruleSets.newest().version()));
        mvc.perform(get("/api/tote/my/bets/{id}", annWin).with(BettingApiIT.as(ann)))
                .andExpect(jsonPath("$.outcome").value("WON")).andExpect(jsonPath("$.winnings").value(1935));
        mvc.perform(get("/api/tote/my/bets/{id}", bobWin).with(BettingApiIT.as(bob)))
                .andExpect(jsonPath("$.outcome").value("LOST"));

        long entries = jdbc.sql("select count(*) from wallet.entries").query(Long.class).single();
        settlements.settle(race.id());
        // one credit per winning account for the race (Ann won two pools, Bob the Tiercé), none added by settling again
        assertThat(settled.raceCreditKeys(race.id())).containsExactlyInAnyOrder("tote-settle:race:" + race.id() + ":" + ann,
                "tote-settle:race:" + race.id() + ":" + bob);
        assertThat(published.of(race.id())).hasSize(1);
        assertThat(jdbc.sql("select count(*) from wallet.entries where idempotency_key like 'tote-settle:%'")
                .query(Long.class).single()).isLessThanOrEqualTo(entries);
    }

    @Test
    void aBetIsPendingUntilItsPoolIsPaidOnTheApiAndOnTheMyBetsPage() throws Exception {
        RaceCard race = tote.openRace();
        Account player = accounts.create();
        wallets.deposit(player.id(), Money.parse("10.00"), IdempotencyKey.of("test:" + UUID.randomUUID()));
        UUID bet = settled.bet(mvc, player.id(), ToteFixtures.pool(race, BetType.SIMPLE_GAGNANT).id(), unit(4), 150);

        mvc.perform(get("/api/tote/my/bets/{id}", bet).with(BettingApiIT.as(player.id())))
                .andExpect(jsonPath("$.outcome").value("PENDING"));
        assertThat(page(player, Locale.ENGLISH)).contains("Awaiting result").contains("data-live-events=\"bets\"")
                .contains("live:bets from:body");
        desk.close(race.id());
        results.official(race.id(), "1 2 3 5 6", "");
        mvc.perform(get("/api/tote/my/bets/{id}", bet).with(BettingApiIT.as(player.id())))
                .andExpect(jsonPath("$.outcome").value("PENDING"));
        settlements.settle(race.id());
        mvc.perform(get("/api/tote/my/bets/{id}", bet).with(BettingApiIT.as(player.id())))
                .andExpect(jsonPath("$.outcome").value("LOST")).andExpect(jsonPath("$.winnings").doesNotExist());
        assertThat(page(player, Locale.ENGLISH)).contains("Lost");
        assertThat(page(player, Locale.FRENCH)).contains("Perdant");
    }

    private String page(Account player, Locale locale) throws Exception {
        return mvc.perform(get("/tote/my-bets").with(user(TestAccounts.principal(player))).locale(locale))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private String formulation(UUID betId) {
        return jdbc.sql("select formulation from tote.bets where id = :id").param("id", betId).query(String.class).single();
    }

    /** stakes + reserve out + operator top-up = refunds + takeout + reserve in + payouts + breakage, to the cent. */
    private void assertConserved(UUID poolId) {
        Map<String, Object> s = jdbc.sql("select * from tote.pool_settlements where pool_id = :pool")
                .param("pool", poolId).query().singleRow();
        long in = (long) s.get("stakes_cents") + (long) s.get("reserve_out_cents") + (long) s.get("operator_top_up_cents");
        long out = (long) s.get("refunds_cents") + (long) s.get("takeout_cents") + (long) s.get("reserve_in_cents")
                + (long) s.get("payouts_cents") + (long) s.get("breakage_cents");
        assertThat(out).as("where the pool's money went").isEqualTo(in);
        assertThat(s.get("status")).isEqualTo("PAID");
    }
}
