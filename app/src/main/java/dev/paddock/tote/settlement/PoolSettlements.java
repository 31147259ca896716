package dev.paddock.tote.settlement;

import dev.paddock.parimutuel.BetType;
import dev.paddock.parimutuel.ChannelFamily;
import dev.paddock.parimutuel.CombinationDividend;
import dev.paddock.parimutuel.PoolAccounts;
import dev.paddock.parimutuel.RankDividend;
import dev.paddock.tote.DividendsPublished;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * tote.pool_settlements, tote.dividends and the reserve funds (see V13__settlement.sql). Writes expect the
 * caller's transaction.
 */
@Repository
class PoolSettlements {

    /** A pool's settlement as stored: what it was computed with, and its accounts. */
    record Stored(UUID poolId, String status, int ruleSetVersion, int takeoutBp, Map<UUID, Integer> arrivals,
            PoolAccounts accounts) {

        boolean paid() {
            return status.equals("PAID");
        }
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    PoolSettlements(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    Optional<Stored> find(UUID poolId) {
        return jdbc.sql("""
                        select status, rule_set_version, takeout_bp, arrivals::text, stakes_cents, refunds_cents,
                               takeout_cents, reserve_in_cents, reserve_out_cents, operator_top_up_cents, payouts_cents,
                               breakage_cents, whole_pool_refunded
                        from tote.pool_settlements where pool_id = :pool""")
                .param("pool", poolId)
                .query((rs, n) -> new Stored(poolId, rs.getString(1), rs.getInt(2), rs.getInt(3),
                        readArrivals(rs.getString(4)),
                        new PoolAccounts(rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9),
                                rs.getLong(10), rs.getLong(11), rs.getLong(12), rs.getBoolean(13))))
                .optional();
    }

    void insert(UUID poolId, int ruleSetVersion, int takeoutBp, Map<UUID, Integer> arrivals, PoolAccounts a,
            Instant at) {
        jdbc.sql("""
                        insert into tote.pool_settlements (pool_id, rule_set_version, takeout_bp, arrivals, status,
                            whole_pool_refunded, stakes_cents, refunds_cents, takeout_cents, reserve_in_cents,
                            reserve_out_cents, operator_top_up_cents, payouts_cents, breakage_cents, computed_at)
                        values (:pool, :rules, :takeout, cast(:arrivals as jsonb), 'COMPUTED', :refunded, :stakes,
                            :refunds, :takeoutCents, :reserveIn, :reserveOut, :topUp, :payouts, :breakage, :at)""")
                .param("pool", poolId).param("rules", ruleSetVersion).param("takeout", takeoutBp)
                .param("arrivals", writeArrivals(arrivals)).param("refunded", a.wholePoolRefunded())
                .param("stakes", a.stakesCents()).param("refunds", a.refundsCents())
                .param("takeoutCents", a.takeoutCents()).param("reserveIn", a.reserveInCents())
                .param("reserveOut", a.reserveOutCents()).param("topUp", a.operatorTopUpCents())
                .param("payouts", a.payoutsCents()).param("breakage", a.breakageCents())
                .param("at", Timestamp.from(at)).update();
    }

    /** The dividends of every paid rank, rank_order 1 for the top rank. */
    void insertDividends(UUID poolId, BetType type, List<RankDividend> ranks) {
        List<Object[]> rows = new ArrayList<>();
        for (int r = 0; r < ranks.size(); r++) {
            RankDividend rank = ranks.get(r);
            for (CombinationDividend combination : rank.combinations()) {
                rows.add(new Object[] {poolId, rank.rank(), r + 1, combination.key(),
                        Runners.of(type, combination.key()), combination.dividendCents(), combination.stakeCents()});
            }
        }
        template.batchUpdate("""
                insert into tote.dividends (pool_id, rank, rank_order, combination_key, runners, dividend_cents, stake_cents)
                values (?, ?, ?, ?, ?, ?, ?)""", rows);
    }

    /** The fund's balance, locked until the caller's transaction ends (the fund is opened at 0 on first use). */
    long lockFund(BetType type, ChannelFamily family) {
        jdbc.sql("""
                        insert into tote.reserve_funds (bet_type, channel_family, balance_cents) values (:type, :family, 0)
                        on conflict do nothing""")
                .param("type", type.name()).param("family", family.name()).update();
        return jdbc.sql("""
                        select balance_cents from tote.reserve_funds where bet_type = :type and channel_family = :family
                        for update""")
                .param("type", type.name()).param("family", family.name()).query(Long.class).single();
    }

    /**
     * Moves money between a pool and its bet type's fund, once per pool: {@code cents} > 0 into the fund,
     * < 0 out of it. The move's primary key makes a second attempt move nothing.
     */
    void moveReserve(UUID poolId, BetType type, ChannelFamily family, long cents, Instant at) {
        lockFund(type, family);
        int moved = jdbc.sql("""
                        insert into tote.reserve_moves (pool_id, bet_type, channel_family, amount_cents, moved_at)
                        values (:pool, :type, :family, :cents, :at) on conflict do nothing""")
                .param("pool", poolId).param("type", type.name()).param("family", family.name()).param("cents", cents)
                .param("at", Timestamp.from(at)).update();
        if (moved == 1) {
            jdbc.sql("""
                            update tote.reserve_funds set balance_cents = balance_cents + :cents
                            where bet_type = :type and channel_family = :family""")
                    .param("cents", cents).param("type", type.name()).param("family", family.name()).update();
        }
    }

    /**
     * COMPUTED to PAID, with what the tickets were actually credited, for all the pools in one statement (one scan
     * of their tickets).
     *
     * @return the pools this call marked paid (not those another settlement got to first)
     */
    Set<UUID> markPaid(Collection<UUID> poolIds, Instant at) {
        return new HashSet<>(template.query(connection -> {
            PreparedStatement statement = connection.prepareStatement("""
                    update tote.pool_settlements s set status = 'PAID', paid_at = ?,
                        paid_winnings_cents = b.winnings, paid_refunds_cents = b.refunds,
                        winning_tickets = b.winners, refunded_tickets = b.refunded
                    from (select p.id, coalesce(sum(t.winnings_cents), 0) as winnings,
                                 coalesce(sum(t.refund_cents), 0) as refunds,
                                 count(*) filter (where t.winnings_cents > 0) as winners,
                                 count(*) filter (where t.refund_cents > 0) as refunded
                          from unnest(?::uuid[]) as p(id)
                          left join tote.bets t on t.pool_id = p.id and t.status = 'ACCEPTED' and t.settled_at is not null
                          group by p.id) b
                    where s.pool_id = b.id and s.status = 'COMPUTED'
                    returning s.pool_id""");
            statement.setTimestamp(1, Timestamp.from(at));
            statement.setArray(2, connection.createArrayOf("uuid", poolIds.toArray()));
            return statement;
        }, (rs, n) -> rs.getObject(1, UUID.class)));
    }

    /** A settled pool as {@link DividendsPublished} announces it. */
    DividendsPublished.Pool published(PoolRow pool) {
        boolean refunded = find(pool.id()).orElseThrow().accounts().wholePoolRefunded();
        return new DividendsPublished.Pool(pool.id(), pool.type().name(), pool.family().name(), refunded,
                dividends(pool.id()));
    }

    private List<DividendsPublished.Dividend> dividends(UUID poolId) {
        return jdbc.sql("""
                        select rank, runners, dividend_cents from tote.dividends where pool_id = :pool
                        order by rank_order, runners""")
                .param("pool", poolId)
                .query((rs, n) -> new DividendsPublished.Dividend(rs.getString(1), rs.getString(2),
                        rs.getLong(3)))
                .list();
    }

    private static String writeArrivals(Map<UUID, Integer> arrivals) {
        return RuleSets.CANONICAL.writeValueAsString(new TreeMap<>(arrivals));
    }

    private static Map<UUID, Integer> readArrivals(String json) {
        Map<UUID, Integer> arrivals = new TreeMap<>();
        RuleSets.CANONICAL.readTree(json).properties()
                .forEach(e -> arrivals.put(UUID.fromString(e.getKey()), e.getValue().asInt()));
        return arrivals;
    }
}
