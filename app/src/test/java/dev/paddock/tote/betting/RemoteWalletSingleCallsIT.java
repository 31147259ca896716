package dev.paddock.tote.betting;

import static dev.paddock.tote.betting.BettingApiIT.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.paddock.identity.AccountId;
import dev.paddock.parimutuel.BetType;
import dev.paddock.tote.PoolCard;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.json.JsonMapper;

/** The remote wallet mode with a wallet that does not batch: one call per debit and per reversal. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "paddock.tote.betting.wallet=remote",
        "paddock.tote.betting.remote-wallet.batches=false",
        "paddock.tote.betting.remote-wallet.timeout=1s",
        "paddock.tote.betting.remote-wallet.recover-every=1h",
        "paddock.tote.fake-remote-wallet.enabled=true",
        "paddock.tote.programme.open-before=0"})
@ActiveProfiles("test")
@AutoConfigureMockMvc
class RemoteWalletSingleCallsIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    ToteFixtures tote;

    @Autowired
    FakeRemoteWallet remote;

    @Autowired
    JsonMapper json;

    @Test
    void eachDebitIsItsOwnCall() throws Exception {
        PoolCard pool = ToteFixtures.pool(tote.openRace(), BetType.SIMPLE_GAGNANT);
        AccountId player = tote.player("0");
        remote.setBalance(player.toString(), 1_000);

        UUID first = betId(place(player, "r-1", pool.id()).andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("ACCEPTED")));
        UUID second = betId(place(player, "r-2", pool.id()).andExpect(status().isCreated()));

        assertThat(remote.batchCalls()).isZero();
        assertThat(remote.holds(first)).isTrue();
        assertThat(remote.holds(second)).isTrue();
        assertThat(remote.balance(player.toString())).isEqualTo(400);
        assertThat(tote.poolTotal(pool.id())).isEqualTo(600);
    }

    @Test
    void aDebitWhoseAnswersAreLostIsReversedByItsOwnCall() throws Exception {
        PoolCard pool = ToteFixtures.pool(tote.openRace(), BetType.SIMPLE_GAGNANT);
        AccountId player = tote.player("0");
        remote.setBalance(player.toString(), 1_000);
        remote.loseDebitAnswersOf(player.toString());

        place(player, "r-1", pool.id()).andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.type").value(BettingApiIT.PROBLEM + "wallet-unavailable"));

        assertThat(tote.statuses(player)).containsExactly("REFUSED");
        assertThat(remote.balance(player.toString())).isEqualTo(1_000);
        assertThat(remote.batchCalls()).isZero();
    }

    private ResultActions place(AccountId player, String requestId, UUID poolId) throws Exception {
        return mvc.perform(post("/api/tote/bets").with(as(player)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"requestId\":\"" + requestId + "\",\"poolId\":\"" + poolId
                        + "\",\"formulation\":{\"type\":\"UNIT\",\"runners\":[3]},\"stake\":300}"));
    }

    private UUID betId(ResultActions result) throws Exception {
        return UUID.fromString(json.readTree(result.andReturn().getResponse().getContentAsString()).get("betId").asString());
    }
}
