package dev.paddock.events.registration;

import dev.paddock.identity.AccountId;
import dev.paddock.shared.ProblemException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Orders as their buyer, the event's organizer or an operator read them (confirmation page and API). */
@Component
class Orders {

    private final JdbcClient jdbc;

    Orders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record OrderView(UUID orderId, UUID buyer, UUID eventId, String eventSlug, String eventName, UUID organizerId,
            String status, String paymentMethod, long subtotalCents, long discountCents, long totalCents,
            long refundedCents, Instant createdAt, List<Line> registrations) {
    }

    record Line(UUID id, UUID raceId, String raceCode, String raceName, Instant raceStartsAt, String status,
            String firstName, String lastName, String email, Integer bib, long priceCents, String teamName,
            String teamRole) {
    }

    Optional<OrderView> order(UUID orderId) {
        List<Line> lines = jdbc.sql("""
                        select r.id, r.race_id, ra.code, ra.name, ra.starts_at, r.status, r.first_name, r.last_name,
                               r.email, r.bib, r.price_cents, t.name as team_name, r.team_role
                        from events.registrations r join events.races ra on ra.id = r.race_id
                        left join events.teams t on t.id = r.team_id
                        where r.order_id = :order order by r.team_role nulls first, r.created_at, r.last_name""")
                .param("order", orderId)
                .query((rs, n) -> new Line(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getString(4), rs.getTimestamp(5).toInstant(), rs.getString(6), rs.getString(7),
                        rs.getString(8), rs.getString(9), (Integer) rs.getObject(10), rs.getLong(11), rs.getString(12),
                        rs.getString(13)))
                .list();
        return jdbc.sql("""
                        select o.id, o.account_id, o.event_id, e.slug, e.name, e.organizer_id, o.status, o.payment_method,
                               o.subtotal_cents, o.discount_cents, o.total_cents, o.refunded_cents, o.created_at
                        from events.orders o join events.events e on e.id = o.event_id where o.id = :order""")
                .param("order", orderId)
                .query((rs, n) -> new OrderView(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class), rs.getString(4), rs.getString(5), rs.getObject(6, UUID.class),
                        rs.getString(7), rs.getString(8), rs.getLong(9), rs.getLong(10), rs.getLong(11), rs.getLong(12),
                        rs.getTimestamp(13).toInstant(), lines))
                .optional();
    }

    /** The order if the reader may see it: its buyer, the event's organizer, or an operator (404 otherwise). */
    OrderView visible(UUID orderId, AccountId reader, boolean operator) {
        return order(orderId).filter(o -> operator || o.buyer().equals(reader.value())
                        || o.organizerId().equals(reader.value()))
                .orElseThrow(() -> ProblemException.of(HttpStatus.NOT_FOUND, "order-not-found",
                        "There is no order " + orderId + " of yours."));
    }
}
