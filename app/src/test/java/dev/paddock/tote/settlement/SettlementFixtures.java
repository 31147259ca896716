package dev.paddock.tote.settlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.paddock.identity.AccountId;
import dev.paddock.tote.betting.BettingApiIT;
import dev.paddock.wallet.LedgerChecks;
import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/** Bets through the real API, and what settlement wrote, read straight from the tables. */
@Component
class SettlementFixtures {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    SettlementFixtures(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Places a bet through {@code POST /api/tote/bets}; returns its id. */
    UUID bet(MockMvc mvc, AccountId player, UUID poolId, String formulation, long stake) throws Exception {
        String body = mvc.perform(post("/api/tote/bets").with(BettingApiIT.as(player))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"requestId\":\"" + UUID.randomUUID() + "\",\"poolId\":\"" + poolId
                                + "\",\"formulation\":" + formulation + ",\"stake\":" + stake + "}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return UUID.fromString(json.readTree(body).get("betId").asString());
    }

    static String unit(int... runners) {
        return "{\"type\":\"UNIT\",\"runners\":" + java.util.Arrays.toString(runners) + "}";
    }

    static String combined(int... runners) {
        return "{\"type\":\"COMBINED\",\"runners\":" + java.util.Arrays.toString(runners) + "}";
    }

    /** What a ticket was paid: winnings and refund (null when none), and whether it is marked settled. */
    record Paid(Long winnings, Long refund, boolean settled) {
    }

    Paid paid(UUID betId) {
        return jdbc.sql("select winnings_cents, refund_cents, settled_at is not null from tote.bets where id = :id")
                .param("id", betId)
                .query((rs, n) -> new Paid((Long) rs.getObject(1), (Long) rs.getObject(2), rs.getBoolean(3)))
                .single();
    }

    long totalStake(UUID betId) {
        return jdbc.sql("select total_stake_cents from tote.bets where id = :id").param("id", betId)
                .query(Long.class).single();
    }

    String poolStatus(UUID poolId) {
        return jdbc.sql("select status from tote.pool_settlements where pool_id = :pool").param("pool", poolId)
                .query(String.class).optional().orElse(null);
    }

    /** Settlement credits of a Big 5 pool in the ledger: their keys, one per account (and one more for refunds). */
    List<String> creditKeys(UUID poolId) {
        return creditKeys(poolId.toString());
    }

    private List<String> creditKeys(String payment) {
        return jdbc.sql("select idempotency_key from wallet.entries where idempotency_key like :prefix order by 1")
                .param("prefix", "tote-settle:" + payment + ":%").query(String.class).list();
    }

    /** The sum credited by settlement for a Big 5 pool, from the ledger's postings. */
    long credited(UUID poolId) {
        return credited(poolId.toString());
    }

    private long credited(String payment) {
        return jdbc.sql("""
                        select coalesce(sum(p.amount_cents), 0) from wallet.entries e
                        join wallet.postings p on p.entry_id = e.id
                        join wallet.ledger_accounts a on a.id = p.ledger_account_id and a.owner_account is not null
                        where e.idempotency_key like :prefix""")
                .param("prefix", "tote-settle:" + payment + ":%").query(Long.class).single();
    }

    /** The sum of winnings and refunds written on the pool's tickets. */
    long paidOnTickets(UUID poolId) {
        return jdbc.sql("""
                        select coalesce(sum(coalesce(winnings_cents, 0) + coalesce(refund_cents, 0)), 0)
                        from tote.bets where pool_id = :pool""")
                .param("pool", poolId).query(Long.class).single();
    }

    /** Settlement credits of a race's own pools, paid together: one key per account (and one more for refunds). */
    List<String> raceCreditKeys(UUID raceId) {
        return creditKeys("race:" + raceId);
    }

    /** The sum credited by settlement for a race's own pools. */
    long raceCredited(UUID raceId) {
        return credited("race:" + raceId);
    }

    /** The sum of winnings and refunds written on the tickets of a race's own pools. */
    long paidOnRaceTickets(UUID raceId) {
        return jdbc.sql("""
                        select coalesce(sum(coalesce(b.winnings_cents, 0) + coalesce(b.refund_cents, 0)), 0)
                        from tote.bets b join tote.pools p on p.id = b.pool_id where p.race_id = :race""")
                .param("race", raceId).query(Long.class).single();
    }

    void assertWalletMatchesLedger(AccountId account, long expectedCents) {
        new LedgerChecks(jdbc).assertConsistent(account, expectedCents);
    }

    static void assertPaidOnce(Paid paid, Long winnings, Long refund) {
        assertThat(paid).isEqualTo(new Paid(winnings, refund, true));
    }
}
