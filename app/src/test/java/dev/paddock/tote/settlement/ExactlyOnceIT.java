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

    record Day(RaceCard race, PoolCard pool, Map<AccountId, List<UUID>> winners, List<UUID> losers) {
    }

    /** Each player has one or two bets on the winner (3) and one on a loser; the chunks hold 3 tickets. */
    private Day day() throws Exception {
        RaceCard race = tote.openRace();
        PoolCard pool = ToteFixtures.pool(race, BetType.SIMPLE_GAGNANT);
        Map<AccountId, List<UUID>> winners = new LinkedHashMap<>();
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
        }
        desk.close(race.id());
        results.official(race.id(), "3 2 4 5 6", "");
        return new Day(race, pool, winners, losers);
    }

    @Test
    void aSettlementThatDiesMidwayIsResumedWithoutPayingAnyTicketTwice() throws Exception {
        Day day = day();
        payer.listen((pool, chunk) -> {
            if (pool.equals(day.pool().id()) && chunk == 2) {
                throw new IllegalStateException("the node died after its second chunk");
            }
        });

        assertThatThrownBy(() -> settlements.settle(day.race().id())).hasMessageContaining("died");

        long paidBefore = day.winners().values().stream().flatMap(List::stream)
                .filter(bet -> settled.paid(bet).settled()).count();
        assertThat(paidBefore).isBetween(3L, (long) winningTickets(day) - 1);
        assertThat(settled.poolStatus(day.pool().id())).isEqualTo("COMPUTED");
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
        UUID poolId = day.pool().id();
        assertThat(settled.poolStatus(poolId)).isEqualTo("PAID");
        long dividend = -1;
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
            staked += 1500;
            settled.assertWalletMatchesLedger(player.getKey(), 100_00 - staked + won);
            keys.add("tote-settle:" + poolId + ":" + player.getKey());
        }
        day.losers().forEach(bet -> assertThat(settled.paid(bet)).isEqualTo(new SettlementFixtures.Paid(null, null, false)));
        assertThat(settled.creditKeys(poolId)).containsExactlyInAnyOrderElementsOf(keys);
        assertThat(settled.credited(poolId)).isEqualTo(settled.paidOnTickets(poolId)).isPositive();
    }

    private static int winningTickets(Day day) {
        return day.winners().values().stream().mapToInt(List::size).sum();
    }
}
