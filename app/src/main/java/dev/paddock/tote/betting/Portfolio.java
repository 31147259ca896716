package dev.paddock.tote.betting;

import dev.paddock.identity.AccountId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A player's bets, newest first, as the portfolio API and page show them. */
@Component
class Portfolio {

    static final int MAX_PAGE_SIZE = 100;

    /**
     * @param raceCode  "R1C3", of the first race for a Big 5
     * @param stake     cents per unit combination
     * @param winnings  cents, once paid; null when the bet won nothing
     * @param refund    cents given back (non-runners, a cancelled race), once paid; null when none
     * @param outcome   of an accepted bet: WON (winnings, maybe a refund too), REFUNDED, LOST once its pool is
     *                  paid, else PENDING; null for a bet that was not accepted
     */
    record BetView(UUID betId, String requestId, UUID poolId, UUID raceId, String raceCode, String raceName,
            String betType, String formulation, long combinations, long stake, long totalStake, String channel,
            String status, String refusal, Instant placedAt, Instant cancelledAt, Long winnings, Long refund,
            String outcome) {
    }

    static final String PENDING = "PENDING";

    record BetPage(List<BetView> items, int page, int size, long total) {
    }

    private static final String SELECT = """
            select b.id, b.request_id, b.pool_id, b.race_id, 'R' || m.number || 'C' || r.number as code, r.name,
                   b.bet_type, b.formulation, b.combinations, b.unit_stake_cents, b.total_stake_cents, b.channel,
                   b.status, b.refusal, b.placed_at, b.cancelled_at, b.winnings_cents, b.refund_cents,
                   case when b.status <> 'ACCEPTED' then null
                        when b.winnings_cents > 0 then 'WON'
                        when b.refund_cents > 0 then 'REFUNDED'
                        when s.status = 'PAID' then 'LOST'
                        else 'PENDING' end
            from tote.bets b
            join tote.races r on r.id = b.race_id
            join tote.meetings m on m.id = r.meeting_id
            left join tote.pool_settlements s on s.pool_id = b.pool_id
            """;

    private final JdbcClient jdbc;

    Portfolio(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    BetPage page(AccountId account, int page, int size) {
        List<BetView> items = jdbc.sql(SELECT + " where b.account_id = :account order by b.placed_at desc, b.id limit :size offset :offset")
                .param("account", account.value()).param("size", size).param("offset", (long) page * size)
                .query((rs, row) -> view(rs)).list();
        long total = jdbc.sql("select count(*) from tote.bets where account_id = :account")
                .param("account", account.value()).query(Long.class).single();
        return new BetPage(items, page, size, total);
    }

    Optional<BetView> bet(AccountId account, UUID betId) {
        return jdbc.sql(SELECT + " where b.id = :id and b.account_id = :account")
                .param("id", betId).param("account", account.value())
                .query((rs, row) -> view(rs)).optional();
    }

    /**
     * Which of these bets the player may still cancel online (the rule {@link Cancellations} enforces): accepted,
     * not retail, placed within the window, every race of its pool (each Big 5 leg) still OPEN before its start.
     * For the page's buttons only.
     */
    Set<UUID> cancellable(AccountId account, List<BetView> bets, Duration window, Instant now) {
        if (bets.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(jdbc.sql("""
                        select b.id from tote.bets b
                        where b.account_id = :account and b.id = any(:ids) and b.status = 'ACCEPTED'
                          and b.channel <> 'RETAIL' and b.placed_at > :since
                          and not exists (
                              select 1 from tote.races r
                              where (r.id = b.race_id
                                     or r.id in (select l.race_id from tote.big5_legs l where l.pool_id = b.pool_id))
                                and (r.status <> 'OPEN' or r.starts_at <= :now))""")
                .param("account", account.value())
                .param("ids", bets.stream().map(BetView::betId).toArray(UUID[]::new))
                .param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .param("since", OffsetDateTime.ofInstant(now.minus(window), ZoneOffset.UTC))
                .query(UUID.class).list());
    }

    private static BetView view(ResultSet rs) throws SQLException {
        OffsetDateTime cancelled = rs.getObject(16, OffsetDateTime.class);
        return new BetView(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class),
                rs.getObject(4, UUID.class), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                rs.getLong(9), rs.getLong(10), rs.getLong(11), rs.getString(12), rs.getString(13), rs.getString(14),
                rs.getObject(15, OffsetDateTime.class).toInstant(), cancelled == null ? null : cancelled.toInstant(),
                (Long) rs.getObject(17), (Long) rs.getObject(18), rs.getString(19));
    }
}
