package dev.paddock.tote.settlement;

import dev.paddock.parimutuel.BetType;
import dev.paddock.parimutuel.ChannelFamily;
import dev.paddock.parimutuel.CombinationKey;
import dev.paddock.parimutuel.PoolTotals;
import dev.paddock.tote.RaceStatus;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What settlement reads of the programme and the bets: pools, legs, race states, stakes. */
@Repository
class SettlementStore {

    private static final String POOL = """
            select p.id, p.bet_type, p.channel_family, p.takeout_bp, p.guaranteed_cents, p.jackpot_cents, p.status, p.race_id,
                   (select array_agg(l.race_id order by l.leg) from tote.big5_legs l where l.pool_id = p.id) as legs
            from tote.pools p
            """;

    private final JdbcClient jdbc;

    SettlementStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<RaceStatus> status(UUID raceId) {
        return jdbc.sql("select status from tote.races where id = :id").param("id", raceId)
                .query((rs, n) -> RaceStatus.valueOf(rs.getString(1))).optional();
    }

    /** Holds the races' rows until the caller's transaction ends, so that their results cannot change meanwhile. */
    void lockRaces(List<UUID> raceIds) {
        jdbc.sql("select id from tote.races where id in (:ids) order by id for share").param("ids", raceIds)
                .query(UUID.class).list();
    }

    Map<UUID, RaceStatus> statuses(List<UUID> raceIds) {
        Map<UUID, RaceStatus> found = new LinkedHashMap<>();
        jdbc.sql("select id, status from tote.races where id in (:ids)").param("ids", raceIds)
                .query(rs -> {
                    found.put(rs.getObject(1, UUID.class), RaceStatus.valueOf(rs.getString(2)));
                });
        return found;
    }

    /** The race's own pools (not the Big 5 pools it is a leg of), in a stable order. */
    List<PoolRow> ownPools(UUID raceId) {
        return jdbc.sql(POOL + " where p.race_id = :race order by p.bet_type, p.channel_family")
                .param("race", raceId).query((rs, n) -> pool(rs)).list();
    }

    List<PoolRow> big5PoolsOf(UUID raceId) {
        return jdbc.sql(POOL + " where p.id in (select pool_id from tote.big5_legs where race_id = :race) order by p.id")
                .param("race", raceId).query((rs, n) -> pool(rs)).list();
    }

    Optional<PoolRow> pool(UUID poolId) {
        return jdbc.sql(POOL + " where p.id = :id").param("id", poolId).query((rs, n) -> pool(rs)).optional();
    }

    /**
     * The pool as it is now, its row held until the caller's transaction ends: {@code share} while its dividends
     * are computed, {@code update} to change its terms, so the two never overlap.
     */
    PoolRow lockPool(UUID poolId, String mode) {
        return jdbc.sql(POOL + " where p.id = :id for " + mode + " of p").param("id", poolId)
                .query((rs, n) -> pool(rs)).single();
    }

    /** The pool's stakes per combination, as the bet writer kept them. */
    PoolTotals totals(UUID poolId) {
        PoolTotals totals = new PoolTotals();
        jdbc.sql("select combination_key, stake_cents from tote.pool_stakes where pool_id = :pool and stake_cents > 0")
                .param("pool", poolId)
                .query(rs -> {
                    totals.add(rs.getLong(1), rs.getLong(2));
                });
        return totals;
    }

    /** @param pending bets still waiting for a remote wallet's answer: they may yet join the pool */
    record Tickets(long acceptedStakeCents, long pending) {
    }

    /** Per pool (every one of {@code poolIds}, 0 and 0 when it has no bets), in one scan of their bets. */
    Map<UUID, Tickets> tickets(List<UUID> poolIds) {
        Map<UUID, Tickets> found = new LinkedHashMap<>();
        poolIds.forEach(pool -> found.put(pool, new Tickets(0, 0)));
        jdbc.sql("""
                        select pool_id, coalesce(sum(total_stake_cents) filter (where status = 'ACCEPTED'), 0),
                               count(*) filter (where status = 'PENDING')
                        from tote.bets where pool_id in (:pools) and status in ('ACCEPTED', 'PENDING')
                        group by pool_id""")
                .param("pools", poolIds)
                .query(rs -> {
                    found.put(rs.getObject(1, UUID.class), new Tickets(rs.getLong(2), rs.getLong(3)));
                });
        return found;
    }

    /**
     * The Big 5 favourite of a leg: the runner with the largest stake in the leg's Simple Gagnant pool of the same
     * channel family, the lowest number on a tie; without any such stake, the leg's lowest-numbered starter.
     */
    int favourite(UUID raceId, ChannelFamily family) {
        Optional<Long> key = jdbc.sql("""
                        select t.combination_key from tote.pool_stakes t
                        join tote.pools p on p.id = t.pool_id
                        join tote.runners r on r.race_id = p.race_id and r.number = t.combination_key and not r.non_runner
                        where p.race_id = :race and p.bet_type = :type and p.channel_family = :family and t.stake_cents > 0
                        order by t.stake_cents desc, t.combination_key limit 1""")
                .param("race", raceId).param("type", BetType.SIMPLE_GAGNANT.name()).param("family", family.name())
                .query(Long.class).optional();
        if (key.isPresent()) {
            return CombinationKey.decode(key.get())[0];
        }
        return jdbc.sql("select coalesce(min(number), 1) from tote.runners where race_id = :race and not non_runner")
                .param("race", raceId).query(Integer.class).single();
    }

    /** Races whose result became official before {@code before} and that are not settled yet. */
    List<UUID> officialSince(Instant before) {
        return jdbc.sql("""
                        select id from tote.races where status = 'RESULT_OFFICIAL' and status_changed_at <= :before
                        order by status_changed_at""")
                .param("before", java.sql.Timestamp.from(before)).query(UUID.class).list();
    }

    /** Races a settlement was left unfinished on: pools computed but not paid, or a cancelled race not refunded. */
    List<UUID> unfinished() {
        return jdbc.sql("""
                        select distinct coalesce(p.race_id, (select l.race_id from tote.big5_legs l where l.pool_id = p.id
                                                             order by l.leg desc limit 1))
                        from tote.pools p
                        left join tote.pool_settlements s on s.pool_id = p.id
                        left join tote.races r on r.id = p.race_id
                        where s.status = 'COMPUTED'
                           or (s.pool_id is null and r.status = 'CANCELLED'
                               and exists (select 1 from tote.bets b where b.pool_id = p.id and b.status = 'ACCEPTED'))""")
                .query(UUID.class).list();
    }

    private static PoolRow pool(ResultSet rs) throws SQLException {
        UUID race = rs.getObject("race_id", UUID.class);
        return new PoolRow(rs.getObject("id", UUID.class), BetType.valueOf(rs.getString("bet_type")),
                ChannelFamily.valueOf(rs.getString("channel_family")), rs.getInt("takeout_bp"),
                rs.getLong("guaranteed_cents"), rs.getLong("jackpot_cents"), rs.getString("status"),
                race != null ? List.of(race) : legs(rs.getArray("legs")));
    }

    private static List<UUID> legs(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.stream((Object[]) array.getArray()).map(o -> (UUID) o).toList();
    }
}
