package dev.paddock.tote.report;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Writes settlement rows as settlement stores them, for the tests of what reads them.
 */
final class StoredSettlements {

    private final JdbcClient jdbc;

    StoredSettlements(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The rule set the application loaded at start-up. */
    int ruleSet() {
        return jdbc.sql("select max(version) from tote.rule_sets").query(Integer.class).single();
    }

    /** amounts: stakes, refunds, takeout, reserve in, reserve out, top-up, payouts, breakage; paid: winnings, refunds, winning and refunded tickets (null while COMPUTED). */
    void pool(UUID poolId, UUID raceId, int resultVersion, String status, long[] amounts, Long[] paid) {
        jdbc.sql("""
                        insert into tote.pool_settlements (pool_id, rule_set_version, takeout_bp, arrivals, status,
                            whole_pool_refunded, stakes_cents, refunds_cents, takeout_cents, reserve_in_cents,
                            reserve_out_cents, operator_top_up_cents, payouts_cents, breakage_cents, paid_winnings_cents,
                            paid_refunds_cents, winning_tickets, refunded_tickets, computed_at, paid_at)
                        select :pool, :ruleSet, p.takeout_bp, cast(:arrivals as jsonb), :status, false, :s, :r, :t, :ri,
                            :ro, :top, :payouts, :breakage, :pw, :pr, :wt, :rt, now(), now()
                        from tote.pools p where p.id = :pool""")
                .param("pool", poolId).param("ruleSet", ruleSet())
                .param("arrivals", "{\"" + raceId + "\": " + resultVersion + "}").param("status", status)
                .param("s", amounts[0]).param("r", amounts[1]).param("t", amounts[2]).param("ri", amounts[3])
                .param("ro", amounts[4]).param("top", amounts[5]).param("payouts", amounts[6])
                .param("breakage", amounts[7]).param("pw", paid[0]).param("pr", paid[1]).param("wt", paid[2])
                .param("rt", paid[3]).update();
    }

    void dividend(UUID poolId, String rank, int order, long key, String runners, long dividendCents, long stakeCents) {
        jdbc.sql("""
                        insert into tote.dividends (pool_id, rank, rank_order, combination_key, runners, dividend_cents,
                            stake_cents) values (:pool, :rank, :order, :key, :runners, :dividend, :stake)""")
                .param("pool", poolId).param("rank", rank).param("order", order).param("key", key)
                .param("runners", runners).param("dividend", dividendCents).param("stake", stakeCents).update();
    }
}
