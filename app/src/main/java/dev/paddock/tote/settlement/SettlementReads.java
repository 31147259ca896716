package dev.paddock.tote.settlement;

import dev.paddock.shared.ProblemException;
import dev.paddock.tote.RaceStatus;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads a race's settlement for the operators' API. */
@Component
class SettlementReads {

    private final JdbcClient jdbc;
    private final SettlementStore store;

    SettlementReads(JdbcClient jdbc, SettlementStore store) {
        this.jdbc = jdbc;
        this.store = store;
    }

    SettlementView race(UUID raceId) {
        RaceStatus race = store.status(raceId).orElseThrow(() -> ProblemException.of(HttpStatus.NOT_FOUND,
                "not-found", "There is no race " + raceId + "."));
        List<SettlementView.Pool> pools = jdbc.sql("""
                        select p.id, p.bet_type, p.channel_family, s.status, s.rule_set_version, s.stakes_cents,
                               s.refunds_cents, s.takeout_cents, s.reserve_in_cents, s.reserve_out_cents,
                               s.operator_top_up_cents, s.payouts_cents, s.breakage_cents, s.paid_winnings_cents,
                               s.paid_refunds_cents, s.winning_tickets, s.refunded_tickets
                        from tote.pools p join tote.pool_settlements s on s.pool_id = p.id
                        where p.race_id = :race order by p.bet_type, p.channel_family""")
                .param("race", raceId)
                .query((rs, n) -> new SettlementView.Pool(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getString(3), rs.getString(4), rs.getInt(5), rs.getLong(6), rs.getLong(7), rs.getLong(8),
                        rs.getLong(9), rs.getLong(10), rs.getLong(11), rs.getLong(12), rs.getLong(13),
                        (Long) rs.getObject(14), (Long) rs.getObject(15), (Long) rs.getObject(16),
                        (Long) rs.getObject(17)))
                .list();
        return new SettlementView(raceId, status(race, pools, store.ownPools(raceId).size()), pools);
    }

    private static String status(RaceStatus race, List<SettlementView.Pool> settled, int pools) {
        boolean allPaid = settled.size() == pools && settled.stream().allMatch(p -> p.status().equals("PAID"));
        if (race == RaceStatus.SETTLED || race == RaceStatus.CANCELLED && allPaid) {
            return "SETTLED";
        }
        return settled.isEmpty() ? "NOT_SETTLED" : "SETTLING";
    }
}
