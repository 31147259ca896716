package dev.paddock.tote.settlement;

import static dev.paddock.tote.settlement.SettlementFixtures.unit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

import dev.paddock.identity.AccountId;
import dev.paddock.parimutuel.BetType;
import dev.paddock.tote.PoolCard;
import dev.paddock.tote.RaceCard;
import dev.paddock.tote.betting.ToteFixtures;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every ticket paid once: after a settlement dies midway and is resumed, and under concurrent settlements. */
class ExactlyOnceIT extends SettlementIT {

    static final int PLAYERS = 7;

    @Autowired
    PoolPayer payer;

    @AfterEach
    void noMoreCrashes() {
        payer.listen((pool, chunk) -> {
        });
    }

    /**
     * @param winners each player's winning tickets in the Simple Gagnant pool
     * @param placed  each player's winning ticket in the Simple Placé pool, paid with the same credit
     */
    record Day(RaceCard race, PoolCard pool, PoolCard place, Map<AccountId, List<UUID>> winners,
            Map<AccountId, UUID> placed, List<UUID> losers) {
    }

    /**
     * Each player has one or two bets on the winner (3) and one on a loser in Simple Gagnant, and one on 3 and one
     * on a loser in Simple Placé: the race's pools are paid together, one credit per player, and the chunks hold 3 tickets, so
     * most players' tickets of both pools are paid in a chunk of their own.
     */
    private Day day() throws Exception {
        RaceCard race = tote.openRace();
        PoolCard pool = ToteFixtures.pool(race, BetType.SIMPLE_GAGNANT);
        PoolCard place = ToteFixtures.pool(race, BetType.SIMPLE_PLACE);
        Map<AccountId, List<UUID>> winners = new LinkedHashMap<>();
        Map<AccountId, UUID> placed = new LinkedHashMap<>();
        List<UUID> losers = new ArrayList<>();
        for (int i = 0; i < PLAYERS; i++) {
            AccountId player = tote.player("100.00");
            List<UUID> bets = new ArrayList<>();
            bets.add(settled.bet(mvc, player, pool.id(), unit(3), 150));
            if (i % 2 == 0) {
                bets.add(settled.bet(mvc, player, pool.id(), unit(3), 300));
            }
            losers.add(settled.bet(mvc, player, pool.id(), unit(1 + i % 2 * 4), 1500));
            winners.put(player, bets);
            placed.put(player, settled.bet(mvc, player, place.id(), unit(3), 300));
            losers.add(settled.bet(mvc, player, place.id(), unit(1 + i % 2 * 4), 1500));
        }
        desk.close(race.id());
        results.official(race.id(), "3 2 4 5 6", "");
        return new Day(race, pool, place, winners, placed, losers);
    }

    @Test
    void aSettlementThatDiesMidwayIsResumedWithoutPayingAnyTicketTwice() throws Exception {
        Day day = day();
        payer.listen((payment, chunk) -> {
            if (payment.equals(day.race().id()) && chunk == 2) {
                throw new IllegalStateException("the node died after its second chunk");
            }
        });

        assertThatThrownBy(() -> settlements.settle(day.race().id())).hasMessageContaining("died");

        long paidBefore = day.winners().values().stream().flatMap(List::stream)
                .filter(bet -> settled.paid(bet).settled()).count();
        assertThat(paidBefore).isBetween(2L, (long) winningTickets(day) - 1);
        assertThat(settled.poolStatus(day.pool().id())).isEqualTo("COMPUTED");
        assertThat(settled.poolStatus(day.place().id())).isEqualTo("COMPUTED");
        // a player's tickets of both pools are paid with their one credit, or not at all
        for (AccountId player : day.winners().keySet()) {
            assertThat(settled.paid(day.placed().get(player)).settled())
                    .isEqualTo(settled.paid(day.winners().get(player).getFirst()).settled());
        }
        assertThat(store.unfinished()).as("what the start-up job resumes").contains(day.race().id());
        mvc.perform(get("/api/tote/races/{id}/settlement", day.race().id()).with(CancellationIT.operator()))
                .andExpect(jsonPath("$.status").value("SETTLING"));

        noMoreCrashes();
        settlements.settle(day.race().id());

        assertEveryTicketPaidOnce(day);
    }

    @Test
    void twoSettlementsAtOnceStillPayEachTicketOnce() throws Exception {
        Day day = day();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> runs = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(2)) {
            for (int i = 0; i < 2; i++) {
                runs.add(threads.submit(() -> {
                    start.await();
                    settlements.settle(day.race().id());
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> run : runs) {
                run.get();
            }
        }

        assertEveryTicketPaidOnce(day);
    }

    private void assertEveryTicketPaidOnce(Day day) {
        UUID raceId = day.race().id();
        assertThat(settled.poolStatus(day.pool().id())).isEqualTo("PAID");
        assertThat(settled.poolStatus(day.place().id())).isEqualTo("PAID");
        long dividend = -1;
        long placeWinnings = -1;
        List<String> keys = new ArrayList<>();
        for (Map.Entry<AccountId, List<UUID>> player : day.winners().entrySet()) {
            long won = 0;
            long staked = 0;
            for (UUID bet : player.getValue()) {
                SettlementFixtures.Paid paid = settled.paid(bet);
                assertThat(paid.settled()).isTrue();
                assertThat(paid.refund()).isNull();
                long perCent = paid.winnings() * 100 / settled.totalStake(bet);
                assertThat(dividend == -1 || dividend == perCent).as("one dividend for every winning ticket").isTrue();
                dividend = perCent;
                won += paid.winnings();
                staked += settled.totalStake(bet);
            }
            SettlementFixtures.Paid place = settled.paid(day.placed().get(player.getKey()));
            assertThat(place.settled()).isTrue();
            assertThat(place.winnings()).isPositive();
            assertThat(placeWinnings == -1 || placeWinnings == place.winnings()).as("one Placé dividend").isTrue();
            placeWinnings = place.winnings();
            won += place.winnings();
            staked += 1500 + 300 + 1500;
            settled.assertWalletMatchesLedger(player.getKey(), 100_00 - staked + won);
            keys.add("tote-settle:race:" + raceId + ":" + player.getKey());
        }
        day.losers().forEach(bet -> assertThat(settled.paid(bet)).isEqualTo(new SettlementFixtures.Paid(null, null, false)));
        assertThat(settled.raceCreditKeys(raceId)).as("one credit per player for the race")
                .containsExactlyInAnyOrderElementsOf(keys);
        assertThat(settled.raceCredited(raceId)).isEqualTo(settled.paidOnRaceTickets(raceId)).isPositive();
    }

    private static int winningTickets(Day day) {
        return day.winners().values().stream().mapToInt(List::size).sum() + day.placed().size();
    }
}
