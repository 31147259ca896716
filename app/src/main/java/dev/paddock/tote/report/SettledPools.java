package dev.paddock.tote.report;

import dev.paddock.parimutuel.BetType;
import dev.paddock.parimutuel.ChannelFamily;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads a race's settlement as stored by settlement ({@code tote.pool_settlements}, {@code tote.dividends}): the
 * race's own pools and the Big 5 pools it is a leg of. Reads only; three statements.
 */
@Repository
class SettledPools {

    private final JdbcClient jdbc;

    SettledPools(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Empty for an unknown race; a race with no settled pool yet has a report without pools. */
    Optional<SettlementReport> report(UUID raceId) {
        Optional<RaceRow> race = jdbc.sql("""
                        select 'R' || m.number || 'C' || r.number as code, r.name,
                               (select coalesce(max((s.arrivals ->> cast(r.id as text))::int), 0)
                                from tote.pool_settlements s join tote.pools p on p.id = s.pool_id
                                where p.race_id = r.id
                                   or p.id in (select pool_id from tote.big5_legs where race_id = r.id)) as result_version
                        from tote.races r join tote.meetings m on m.id = r.meeting_id where r.id = :race""")
                .param("race", raceId)
                .query((rs, row) -> new RaceRow(rs.getString("code"), rs.getString("name"), rs.getInt("result_version")))
                .optional();
        if (race.isEmpty()) {
            return Optional.empty();
        }
        Map<UUID, List<SettlementReport.Rank>> ranks = ranks(raceId);
        List<SettlementReport.Pool> pools = jdbc.sql("""
                        select p.id, p.bet_type, p.channel_family, p.unit_stake_cents, s.*
                        from tote.pool_settlements s join tote.pools p on p.id = s.pool_id
                        where p.race_id = :race
                           or p.id in (select pool_id from tote.big5_legs where race_id = :race)""")
                .param("race", raceId)
                .query((rs, row) -> pool(rs, ranks)).list();
        return Optional.of(new SettlementReport(raceId, race.get().code(), race.get().name(), race.get().resultVersion(),
                pools));
    }

    private Map<UUID, List<SettlementReport.Rank>> ranks(UUID raceId) {
        Map<UUID, Map<String, RankRows>> byPool = new HashMap<>();
        jdbc.sql("""
                        select d.pool_id, d.rank, d.rank_order, d.combination_key, d.runners, d.dividend_cents,
                               d.stake_cents
                        from tote.dividends d join tote.pools p on p.id = d.pool_id
                        where p.race_id = :race
                           or p.id in (select pool_id from tote.big5_legs where race_id = :race)""")
                .param("race", raceId)
                .query(rs -> {
                    UUID pool = rs.getObject("pool_id", UUID.class);
                    String name = rs.getString("rank");
                    int order = rs.getInt("rank_order");
                    byPool.computeIfAbsent(pool, p -> new HashMap<>())
                            .computeIfAbsent(name, n -> new RankRows(order, new ArrayList<>()))
                            .winners().add(new SettlementReport.Winner(rs.getLong("combination_key"),
                                    rs.getString("runners"), rs.getLong("dividend_cents"), rs.getLong("stake_cents")));
                });
        Map<UUID, List<SettlementReport.Rank>> ranks = new HashMap<>();
        byPool.forEach((pool, named) -> ranks.put(pool, named.entrySet().stream()
                .map(r -> new SettlementReport.Rank(r.getKey(), r.getValue().order(), r.getValue().winners())).toList()));
        return ranks;
    }

    private static SettlementReport.Pool pool(ResultSet rs, Map<UUID, List<SettlementReport.Rank>> ranks)
            throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        return new SettlementReport.Pool(id, BetType.valueOf(rs.getString("bet_type")),
                ChannelFamily.valueOf(rs.getString("channel_family")), rs.getInt("rule_set_version"),
                rs.getInt("takeout_bp"), rs.getString("status"), rs.getBoolean("whole_pool_refunded"),
                rs.getLong("unit_stake_cents"), rs.getLong("stakes_cents"), rs.getLong("refunds_cents"),
                rs.getLong("takeout_cents"), rs.getLong("reserve_in_cents"), rs.getLong("reserve_out_cents"),
                rs.getLong("operator_top_up_cents"), rs.getLong("payouts_cents"), rs.getLong("breakage_cents"),
                rs.getObject("paid_winnings_cents", Long.class), rs.getObject("paid_refunds_cents", Long.class),
                rs.getObject("winning_tickets", Long.class), rs.getObject("refunded_tickets", Long.class),
                ranks.getOrDefault(id, List.of()));
    }

    private record RaceRow(String code, String name, int resultVersion) {
    }

    private record RankRows(int order, List<SettlementReport.Winner> winners) {
    }
}
