package dev.paddock.tote.betting;

import static dev.paddock.tote.betting.BettingApiIT.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.paddock.identity.AccountId;
import dev.paddock.parimutuel.BetType;
import dev.paddock.tote.PoolCard;
import dev.paddock.tote.RaceCard;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.json.JsonMapper;

/**
 * The remote wallet mode against the app's own fake remote wallet, over real HTTP on the test's port. The
 * recovery job is left to the tests (every hour otherwise), so each drives it when it means to; races are
 * opened by the tests only, not by the automatic opening racing the fixture.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "paddock.tote.betting.wallet=remote",
        "paddock.tote.betting.remote-wallet.timeout=1s",
        "paddock.tote.betting.remote-wallet.recover-every=1h",
        "paddock.tote.fake-remote-wallet.enabled=true",
        "paddock.tote.programme.open-before=0"})
@ActiveProfiles("test")
@AutoConfigureMockMvc
class RemoteWalletIT {

    private static final String SIMPLE_3 = "{\"type\":\"UNIT\",\"runners\":[3]}";

    @Autowired
    MockMvc mvc;

    @Autowired
    ToteFixtures tote;

    @Autowired
    RecordedBets recorded;

    @Autowired
    FakeRemoteWallet remote;

    @Autowired
    StakeSaga saga;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @AfterEach
    void walletAnswersAgain() {
        remote.failureRate(0);
    }

    @Test
    void anAcceptedBetIsDebitedFromTheRemoteWalletAndAddedToItsPool() throws Exception {
        PoolCard pool = ToteFixtures.pool(tote.openRace(), BetType.SIMPLE_GAGNANT);
        AccountId player = tote.player("0");
        remote.setBalance(player.toString(), 1_000);
        int calls = remote.batchCalls();

        UUID betId = betId(place(player, "r-1", pool.id(), 300).andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("ACCEPTED")));

        assertThat(remote.batchCalls() - calls).isEqualTo(1);
        assertThat(tote.status(betId)).isEqualTo("ACCEPTED");
        assertThat(remote.holds(betId)).isTrue();
        assertThat(remote.balance(player.toString())).isEqualTo(700);
        assertThat(tote.poolTotal(pool.id())).isEqualTo(300);
        assertThat(recorded.accepted(betId)).hasSize(1);
    }

    @Test
    void aCancelledBetGetsItsStakeBackByTheReversalOfItsDebit() throws Exception {
        PoolCard pool = ToteFixtures.pool(tote.openRace(), BetType.SIMPLE_GAGNANT);
        AccountId player = tote.player("0");
        remote.setBalance(player.toString(), 1_000);
        UUID betId = betId(place(player, "r-1", pool.id(), 300).andExpect(status().isCreated()));

        mvc.perform(post("/api/tote/bets/" + betId + "/cancellation").with(as(player)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("CANCELLED"));

        assertThat(tote.status(betId)).isEqualTo("CANCELLED");
        assertThat(remote.holds(betId)).isFalse();
        assertThat(remote.balance(player.toString())).isEqualTo(1_000);
        assertThat(tote.poolTotal(pool.id())).isZero();
        assertThat(tote.balance(player)).isZero();
    }

    @Test
    void aBetTheRemoteWalletCannotPayIsRefused() throws Exception {
        PoolCard pool = ToteFixtures.pool(tote.openRace(), BetType.SIMPLE_GAGNANT);
        AccountId player = tote.player("0");
        remote.setBalance(player.toString(), 200);

        place(player, "r-1", pool.id(), 300).andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value(BettingApiIT.PROBLEM + "insufficient-funds"));

        assertThat(tote.statuses(player)).containsExactly("REFUSED");
        assertThat(remote.balance(player.toString())).isEqualTo(200);
        assertThat(tote.poolTotal(pool.id())).isZero();
    }

    @Test
    void aDebitWhoseAnswersAreAllLostIsReversedAndTheBetRefused() throws Exception {
        PoolCard pool = ToteFixtures.pool(tote.openRace(), BetType.SIMPLE_GAGNANT);
        AccountId player = tote.player("0");
        remote.setBalance(player.toString(), 1_000);
        // the fake takes the debit, then the reversal, and loses every answer: the bet waits COMPENSATING
        remote.failureRate(1.0);

        place(player, "r-1", pool.id(), 300).andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.type").value(BettingApiIT.PROBLEM + "wallet-unavailable"));
        UUID betId = onlyBet(player);
        assertThat(tote.status(betId)).isEqualTo("COMPENSATING");
        assertThat(remote.holds(betId)).isFalse();

        remote.failureRate(0);
        saga.recover();

        assertThat(tote.status(betId)).isEqualTo("REFUSED");
        assertThat(remote.holds(betId)).isFalse();
        assertThat(remote.balance(player.toString())).isEqualTo(1_000);
        assertThat(tote.poolTotal(pool.id())).isZero();
        assertThat(recorded.accepted(betId)).isEmpty();
    }

    @Test
    void aPendingBetWhoseDebitWasReversedFirstIsRefusedByTheRecoveryJob() throws Exception {
        PoolCard pool = ToteFixtures.pool(tote.openRace(), BetType.SIMPLE_GAGNANT);
        AccountId player = tote.player("0");
        remote.setBalance(player.toString(), 1_000);
        UUID betId = UUID.randomUUID();
        // the reversal reaches the wallet before the debit: the late debit is answered REVERSED, never taken
        remote.reverse(betId);
        storePending(betId, player, pool, Instant.now().minusSeconds(60));

        saga.recover();

        assertThat(tote.status(betId)).isEqualTo("REFUSED");
        assertThat(remote.holds(betId)).isFalse();
        assertThat(remote.balance(player.toString())).isEqualTo(1_000);
    }

    @Test
    void aPendingBetLeftByACrashAfterItsDebitIsAcceptedByTheRecoveryJob() throws Exception {
        RaceCard race = tote.openRace();
        PoolCard pool = ToteFixtures.pool(race, BetType.SIMPLE_GAGNANT);
        AccountId player = tote.player("0");
        remote.setBalance(player.toString(), 1_000);
        UUID betId = UUID.randomUUID();
        // the crash fell after the debit reached the wallet and before the second transaction
        storePending(betId, player, pool, Instant.now().minusSeconds(60));
        remote.debit(new FakeRemoteWallet.DebitRequest(betId, player.toString(), 300L));
        UUID fresh = UUID.randomUUID();
        storePending(fresh, player, pool, Instant.now());

        saga.recover();

        assertThat(tote.status(betId)).isEqualTo("ACCEPTED");
        assertThat(remote.holds(betId)).isTrue();
        assertThat(remote.balance(player.toString())).isEqualTo(700);
        assertThat(tote.poolTotal(pool.id())).isEqualTo(300);
        assertThat(recorded.accepted(betId)).hasSize(1);
        // a bet pending for less than recover-after is its writer's, still in its saga
        assertThat(tote.status(fresh)).isEqualTo("PENDING");
    }

    @Test
    void theDebitsOfABatchGoInOneCallEachDecidedOnItsOwn() throws Exception {
        PoolCard pool = ToteFixtures.pool(tote.openRace(), BetType.SIMPLE_GAGNANT);
        AccountId rich = tote.player("0");
        AccountId poor = tote.player("0");
        remote.setBalance(rich.toString(), 1_000);
        remote.setBalance(poor.toString(), 400);
        List<UUID> bets = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        Instant placed = Instant.now().minusSeconds(60);
        storePending(bets.get(0), rich, pool, placed);
        storePending(bets.get(1), poor, pool, placed.plusMillis(1));
        storePending(bets.get(2), rich, pool, placed.plusMillis(2));
        storePending(bets.get(3), poor, pool, placed.plusMillis(3));
        int calls = remote.batchCalls();

        saga.recover();

        assertThat(remote.batchCalls() - calls).isEqualTo(1);
        assertThat(bets.stream().map(tote::status)).containsExactly("ACCEPTED", "ACCEPTED", "ACCEPTED", "REFUSED");
        assertThat(refusal(bets.get(3))).isEqualTo("insufficient-funds");
        assertThat(remote.balance(rich.toString())).isEqualTo(400);
        assertThat(remote.balance(poor.toString())).isEqualTo(100);
        assertThat(remote.holds(bets.get(3))).isFalse();
        assertThat(tote.poolTotal(pool.id())).isEqualTo(900);
        assertThat(recorded.accepted(bets.get(3))).isEmpty();
    }

    @Test
    void aBatchCallThatTimesOutIsSentAgainAndDebitsOnce() throws Exception {
        PoolCard pool = ToteFixtures.pool(tote.openRace(), BetType.SIMPLE_GAGNANT);
        AccountId player = tote.player("0");
        remote.setBalance(player.toString(), 1_000);
        // the first call takes the debit and answers after the client's timeout (1 s): the retry gets the same
        // answer without a second debit
        remote.stallNextCall(Duration.ofMillis(1_500));
        int calls = remote.batchCalls();

        UUID betId = betId(place(player, "r-1", pool.id(), 300).andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("ACCEPTED")));

        assertThat(remote.batchCalls() - calls).isEqualTo(2);
        assertThat(remote.balance(player.toString())).isEqualTo(700);
        assertThat(tote.status(betId)).isEqualTo("ACCEPTED");
        assertThat(tote.poolTotal(pool.id())).isEqualTo(300);
    }

    @Test
    void anItemWhoseAnswersAreLostIsReversedWhileTheRestOfItsBatchIsAccepted() throws Exception {
        PoolCard pool = ToteFixtures.pool(tote.openRace(), BetType.SIMPLE_GAGNANT);
        AccountId lucky = tote.player("0");
        AccountId unlucky = tote.player("0");
        remote.setBalance(lucky.toString(), 1_000);
        remote.setBalance(unlucky.toString(), 1_000);
        remote.loseDebitAnswersOf(unlucky.toString());
        UUID accepted = UUID.randomUUID();
        UUID lost = UUID.randomUUID();
        Instant placed = Instant.now().minusSeconds(60);
        storePending(accepted, lucky, pool, placed);
        storePending(lost, unlucky, pool, placed.plusMillis(1));

        saga.recover();

        assertThat(tote.status(accepted)).isEqualTo("ACCEPTED");
        assertThat(tote.status(lost)).isEqualTo("REFUSED");
        assertThat(refusal(lost)).isEqualTo("wallet-unavailable");
        assertThat(remote.holds(lost)).isFalse();
        assertThat(remote.balance(unlucky.toString())).isEqualTo(1_000);
        assertThat(remote.balance(lucky.toString())).isEqualTo(700);
        assertThat(tote.poolTotal(pool.id())).isEqualTo(300);
        assertThat(recorded.accepted(lost)).isEmpty();
    }

    @Test
    void sagasCompletingTogetherAcceptEachBetOnce() throws Exception {
        PoolCard pool = ToteFixtures.pool(tote.openRace(), BetType.SIMPLE_GAGNANT);
        AccountId player = tote.player("0");
        remote.setBalance(player.toString(), 10_000);
        List<UUID> bets = new ArrayList<>();
        Instant placed = Instant.now().minusSeconds(60);
        for (int i = 0; i < 12; i++) {
            bets.add(UUID.randomUUID());
            storePending(bets.getLast(), player, pool, placed.plusMillis(i));
        }

        // the same bets settled by several recoveries at once: their completions meet in one transaction or
        // follow each other, and each bet is accepted, counted in the pool and debited once
        try (ExecutorService recoveries = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> runs = new ArrayList<>();
            for (int r = 0; r < 6; r++) {
                runs.add(recoveries.submit(saga::recover));
            }
            for (Future<?> run : runs) {
                run.get();
            }
        }

        assertThat(bets.stream().map(tote::status)).containsOnly("ACCEPTED");
        assertThat(remote.balance(player.toString())).isEqualTo(10_000 - 12 * 300);
        assertThat(tote.poolTotal(pool.id())).isEqualTo(12 * 300);
        bets.forEach(bet -> assertThat(recorded.accepted(bet)).hasSize(1));
    }

    private String refusal(UUID betId) {
        return jdbc.sql("select refusal from tote.bets where id = :id").param("id", betId).query(String.class).single();
    }

    /** A Simple Gagnant on runner 3 staked 3 euros, as batch 1 stores it. */
    private void storePending(UUID betId, AccountId player, PoolCard pool, Instant placedAt) {
        jdbc.sql("""
                insert into tote.bets (id, account_id, request_id, fingerprint, pool_id, race_id, bet_type, formulation,
                    combinations, unit_stake_cents, total_stake_cents, channel, country, status, placed_at, batch)
                values (:id, :account, :request, 'f', :pool, :race, 'SIMPLE_GAGNANT', :formulation, 1, 300, 300, 'WEB',
                    'FR', 'PENDING', :at, nextval('tote.bet_batches'))""")
                .param("id", betId).param("account", player.value()).param("request", "crash-" + betId)
                .param("pool", pool.id()).param("race", pool.raceIds().getFirst())
                .param("formulation", "U:3").param("at", java.sql.Timestamp.from(placedAt)).update();
    }

    private ResultActions place(AccountId player, String requestId, UUID poolId, long stake) throws Exception {
        return mvc.perform(post("/api/tote/bets").with(as(player)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"requestId\":\"" + requestId + "\",\"poolId\":\"" + poolId + "\",\"formulation\":"
                        + SIMPLE_3 + ",\"stake\":" + stake + "}"));
    }

    private UUID betId(ResultActions result) throws Exception {
        return UUID.fromString(json.readTree(result.andReturn().getResponse().getContentAsString()).get("betId").asString());
    }

    private UUID onlyBet(AccountId player) {
        return jdbc.sql("select id from tote.bets where account_id = :account").param("account", player.value())
                .query(UUID.class).single();
    }
}
