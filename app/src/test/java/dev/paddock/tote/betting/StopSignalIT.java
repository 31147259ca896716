package dev.paddock.tote.betting;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paddock.identity.AccountId;
import dev.paddock.parimutuel.BetType;
import dev.paddock.shared.ProblemException;
import dev.paddock.tote.PoolCard;
import dev.paddock.tote.RaceCard;
import dev.paddock.tote.programme.ProgrammeDesk;
import dev.paddock.wallet.LedgerChecks;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Bursts of concurrent bets through the whole pipeline (channel control, writer, wallet batch), measured by
 * what the database holds afterwards rather than by timing.
 */
@SpringBootTest
@ActiveProfiles("test")
@AutoConfigureMockMvc
class StopSignalIT {

    static final int BETS = 2_000;
    static final int LATE = 100;

    @Autowired
    Betting betting;

    @Autowired
    ToteFixtures tote;

    @Autowired
    ProgrammeDesk desk;

    @Autowired
    JdbcClient jdbc;

    private record Sent(boolean afterClose, Object outcome) {
    }

    /**
     * 2,000 bets from virtual threads while another thread gives the stop signal mid-burst, then 100 more once the
     * close has returned (so the burst ends refused however fast the writers take the first ones). Every bet is
     * answered accepted or race-closed; no bet sent after the close committed is accepted; no batch that
     * accepted a bet came after a batch that saw the race closed; the pool's totals are its accepted bets.
     */
    @Test
    void noBetIsAcceptedAfterTheStopSignal() throws Exception {
        RaceCard race = tote.openRace();
        PoolCard win = ToteFixtures.pool(race, BetType.SIMPLE_GAGNANT);
        List<AccountId> players = IntStream.range(0, 20).mapToObj(i -> tote.player("1000.00")).toList();
        AtomicBoolean closed = new AtomicBoolean();
        AtomicInteger answered = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Sent>> sent = new ArrayList<>();
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < BETS; i++) {
                sent.add(send(executor, i, players, win, start, closed, answered));
            }
            Future<?> closer = executor.submit(() -> {
                start.await();
                while (answered.get() < BETS / 3) {
                    Thread.onSpinWait();
                }
                desk.close(race.id());
                closed.set(true);
                return null;
            });
            start.countDown();
            closer.get();
            // a last wave sent once the close has returned: whatever the writers' speed, the burst ends refused
            for (int i = BETS; i < BETS + LATE; i++) {
                sent.add(send(executor, i, players, win, start, closed, answered));
            }
            List<Sent> outcomes = new ArrayList<>();
            for (Future<Sent> future : sent) {
                outcomes.add(future.get());
            }

            List<UUID> accepted = outcomes.stream().filter(s -> s.outcome() instanceof BetOutcome)
                    .map(s -> ((BetOutcome) s.outcome()).betId()).toList();
            long refused = outcomes.stream().filter(s -> "race-closed".equals(s.outcome())).count();
            assertThat(accepted.size() + refused).as("accepted + refused race-closed").isEqualTo(BETS + LATE);
            assertThat(accepted).hasSizeGreaterThanOrEqualTo(BETS / 3);
            assertThat(refused).isGreaterThanOrEqualTo(LATE);
            assertThat(outcomes).filteredOn(Sent::afterClose).allMatch(s -> "race-closed".equals(s.outcome()));

            Long lastAccepting = jdbc.sql("select max(batch) from tote.bets where pool_id = :pool and status = 'ACCEPTED'")
                    .param("pool", win.id()).query(Long.class).single();
            Long firstRefusing = jdbc.sql("""
                            select min(batch) from tote.bets where pool_id = :pool and refusal = 'race-closed'""")
                    .param("pool", win.id()).query(Long.class).optional().orElse(null);
            if (firstRefusing != null) {
                assertThat(lastAccepting).isLessThan(firstRefusing);
            }
            assertThat(jdbc.sql("select count(*) from tote.bets where pool_id = :pool and status = 'ACCEPTED'")
                    .param("pool", win.id()).query(Long.class).single()).isEqualTo(accepted.size());
            assertThat(tote.poolTotal(win.id())).isEqualTo(150L * accepted.size())
                    .isEqualTo(tote.acceptedStakes(win.id()));
            long paid = players.stream().mapToLong(p -> 100_000 - tote.balance(p)).sum();
            assertThat(paid).isEqualTo(150L * accepted.size());
            players.forEach(p -> new LedgerChecks(jdbc).assertConsistent(p, tote.balance(p)));
        }
    }

    private Future<Sent> send(ExecutorService executor, int i, List<AccountId> players, PoolCard win,
            CountDownLatch start, AtomicBoolean closed, AtomicInteger answered) {
        AccountId player = players.get(i % players.size());
        PlaceBetRequest bet = new PlaceBetRequest("burst-" + i, win.id(),
                new PlaceBetRequest.FormulationInput("UNIT", List.of(1 + i % 10), null, null, null), 150L, "WEB");
        return executor.submit(() -> {
            start.await();
            boolean afterClose = closed.get();
            try {
                return new Sent(afterClose, betting.place(player, bet, null));
            } catch (ProblemException refused) {
                return new Sent(afterClose, refused.slug());
            } finally {
                answered.incrementAndGet();
            }
        });
    }

    /**
     * 400 concurrent bets of one player whose weekly limit covers 20 of them, with several writers: the player's
     * bets all go to one writer, which counts each batch's stakes against the limit, so exactly 20 are accepted.
     */
    @Test
    void concurrentBetsOfOnePlayerStayWithinTheWeeklyLimit() throws Exception {
        RaceCard race = tote.openRace();
        PoolCard win = ToteFixtures.pool(race, BetType.SIMPLE_GAGNANT);
        AccountId player = tote.player("1000.00");
        tote.set(player, "weekly_stake_limit", 3000L);
        List<Object> outcomes = burst(player, win, "limited-", 400);
        assertThat(outcomes).filteredOn(BetOutcome.class::isInstance).hasSize(20);
        assertThat(outcomes).filteredOn("weekly-stake-limit"::equals).hasSize(380);
        assertThat(tote.balance(player)).isEqualTo(100_000 - 3000);
        assertThat(tote.poolTotal(win.id())).isEqualTo(3000).isEqualTo(tote.acceptedStakes(win.id()));
    }

    /** One wallet that can pay for half of 400 concurrent bets: exactly half are accepted, never below zero. */
    @Test
    void concurrentBetsOnOneWalletNeverOverdrawIt() throws Exception {
        RaceCard race = tote.openRace();
        PoolCard win = ToteFixtures.pool(race, BetType.SIMPLE_GAGNANT);
        AccountId player = tote.player("300.00");
        List<Object> outcomes = burst(player, win, "one-wallet-", 400);
        assertThat(outcomes).filteredOn(BetOutcome.class::isInstance).hasSize(200);
        assertThat(outcomes).filteredOn("insufficient-funds"::equals).hasSize(200);
        assertThat(tote.balance(player)).isZero();
        new LedgerChecks(jdbc).assertConsistent(player, 0);
        assertThat(tote.poolTotal(win.id())).isEqualTo(30_000).isEqualTo(tote.acceptedStakes(win.id()));
    }

    /** {@code count} bets of 1.50 from one player at once, answered with their outcome or refusal slug. */
    private List<Object> burst(AccountId player, PoolCard win, String prefix, int count) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Object>> sent = new ArrayList<>();
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < count; i++) {
                PlaceBetRequest bet = new PlaceBetRequest(prefix + i, win.id(),
                        new PlaceBetRequest.FormulationInput("UNIT", List.of(1 + i % 10), null, null, null), 150L, null);
                sent.add(executor.submit(() -> {
                    start.await();
                    try {
                        return betting.place(player, bet, null);
                    } catch (ProblemException refused) {
                        return refused.slug();
                    }
                }));
            }
            start.countDown();
            List<Object> outcomes = new ArrayList<>();
            for (Future<Object> future : sent) {
                outcomes.add(future.get());
            }
            return outcomes;
        }
    }
}
