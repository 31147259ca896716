package dev.paddock.events.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** An athlete's orders and registrations (as the athlete or as the buyer), and their friends' registrations. */
@Component
class MyEvents {

    static final int LIMIT = 200;

    /**
     * One registration as its athlete sees it. {@code acceptUrl} is set while an offered place waits to be accepted.
     * Results (issue 6, {@code /account/results}) can join here by race and bib.
     */
    record RegistrationView(UUID id, UUID raceId, String raceCode, String raceName, Instant raceStartsAt, UUID eventId,
            String eventSlug, String eventName, String athlete, String status, Integer bib, long priceCents,
            Long waitlistPosition, Instant offerExpiresAt, String acceptUrl, UUID teamId, String teamName,
            UUID orderId) {
    }

    record OrderView(UUID id, UUID eventId, String eventSlug, String eventName, String status, String paymentMethod,
            long totalCents, long refundedCents, Instant createdAt, int registrations) {
    }

    private static final String VIEW = """
            select r.id, r.race_id, ra.code, ra.name, ra.starts_at, r.event_id, e.slug, e.name,
                   r.first_name || ' ' || r.last_name, r.status, r.bib, r.price_cents, r.waitlist_position,
                   r.offer_expires_at, r.team_id, t.name, r.order_id
            from events.registrations r
            join events.races ra on ra.id = r.race_id
            join events.events e on e.id = r.event_id
            left join events.teams t on t.id = r.team_id
            """;

    private final JdbcClient jdbc;

    MyEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<RegistrationView> registrations(UUID account) {
        return jdbc.sql(VIEW + """
                        where r.account_id = :account or r.buyer_account_id = :account
                        order by ra.starts_at desc, r.created_at desc limit :limit""")
                .param("account", account).param("limit", LIMIT).query(MyEvents::view).list();
    }

    Optional<RegistrationView> registration(UUID id) {
        return jdbc.sql(VIEW + "where r.id = :id").param("id", id).query(MyEvents::view).optional();
    }

    /** Live and past registrations of the account's friends (both added each other), as entered under their account. */
    List<RegistrationView> friendsRegistrations(UUID account) {
        return jdbc.sql(VIEW + """
                        where r.account_id in (select f.friend_account_id from events.friends f
                                               join events.friends back on back.account_id = f.friend_account_id
                                                                       and back.friend_account_id = f.account_id
                                               where f.account_id = :account)
                          and r.status in ('CONFIRMED', 'OFFERED', 'WAITLISTED', 'ENTERED')
                        order by ra.starts_at, r.last_name limit :limit""")
                .param("account", account).param("limit", LIMIT).query(MyEvents::view).list();
    }

    List<OrderView> orders(UUID account) {
        return jdbc.sql("""
                        select o.id, o.event_id, e.slug, e.name, o.status, o.payment_method, o.total_cents,
                               o.refunded_cents, o.created_at,
                               (select count(*) from events.registrations r where r.order_id = o.id)
                        from events.orders o join events.events e on e.id = o.event_id
                        where o.account_id = :account order by o.created_at desc limit :limit""")
                .param("account", account).param("limit", LIMIT)
                .query((rs, row) -> new OrderView(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getLong(7), rs.getLong(8),
                        rs.getObject(9, OffsetDateTime.class).toInstant(), rs.getInt(10)))
                .list();
    }

    private static RegistrationView view(ResultSet rs, int row) throws SQLException {
        UUID id = rs.getObject(1, UUID.class);
        String status = rs.getString(10);
        return new RegistrationView(id, rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                rs.getObject(5, OffsetDateTime.class).toInstant(), rs.getObject(6, UUID.class), rs.getString(7),
                rs.getString(8), rs.getString(9), status, (Integer) rs.getObject(11), rs.getLong(12),
                (Long) rs.getObject(13), Races.instant(rs.getObject(14, OffsetDateTime.class)),
                "OFFERED".equals(status) ? "/events/registrations/" + id + "/accept" : null,
                rs.getObject(15, UUID.class), rs.getString(16), rs.getObject(17, UUID.class));
    }
}
