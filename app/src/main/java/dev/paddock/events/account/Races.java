package dev.paddock.events.account;

import dev.paddock.events.rules.RegistrationWindow;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** What the account part reads of events and races (owned by the catalog part). */
@Component
class Races {

    record Event(UUID id, String slug, String name, UUID organizerId, ZoneId zone, RefundPolicy refundPolicy,
            Instant transferDeadline, long transferFeeCents, Instant firstStart) {
    }

    record Race(UUID id, UUID eventId, String code, String name, Instant startsAt, int capacity, String mode,
            RegistrationWindow.Stored registration, Instant opensAt, Instant closesAt, boolean team,
            int waitlistOfferHours, String lotterySeed, Instant lotteryDrawnAt) {

        RegistrationWindow.State window(Instant now) {
            return RegistrationWindow.at(now, registration, opensAt, closesAt);
        }
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;

    Races(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    Optional<Event> event(UUID id) {
        return jdbc.sql("""
                        select e.id, e.slug, e.name, e.organizer_id, e.zone, e.refund_policy::text, e.transfer_deadline,
                               e.transfer_fee_cents, (select min(starts_at) from events.races where event_id = e.id)
                        from events.events e where e.id = :id""")
                .param("id", id)
                .query((rs, row) -> new Event(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getObject(4, UUID.class), ZoneId.of(rs.getString(5)), policy(rs.getString(6)),
                        instant(rs.getObject(7, OffsetDateTime.class)), rs.getLong(8),
                        instant(rs.getObject(9, OffsetDateTime.class))))
                .optional();
    }

    Optional<Race> race(UUID id) {
        return jdbc.sql("""
                        select id, event_id, code, name, starts_at, capacity, mode, registration, registration_opens_at,
                               registration_closes_at, team_min_size is not null, waitlist_offer_hours, lottery_seed,
                               lottery_drawn_at
                        from events.races where id = :id""")
                .param("id", id)
                .query((rs, row) -> new Race(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getString(4), instant(rs.getObject(5, OffsetDateTime.class)), rs.getInt(6), rs.getString(7),
                        RegistrationWindow.Stored.valueOf(rs.getString(8)), instant(rs.getObject(9, OffsetDateTime.class)),
                        instant(rs.getObject(10, OffsetDateTime.class)), rs.getBoolean(11), rs.getInt(12),
                        rs.getString(13), instant(rs.getObject(14, OffsetDateTime.class))))
                .optional();
    }

    /** The event's races, by start. */
    List<Race> ofEvent(UUID eventId) {
        return jdbc.sql("select id from events.races where event_id = :event order by starts_at, code")
                .param("event", eventId).query(UUID.class).list().stream().map(id -> race(id).orElseThrow()).toList();
    }

    /** The race's price at {@code now}: the tier whose window holds it, if any. */
    OptionalLong priceAt(UUID raceId, Instant now) {
        return jdbc.sql("""
                        select price_cents from events.price_tiers
                        where race_id = :race and starts_at <= :now and ends_at > :now order by starts_at desc limit 1""")
                .param("race", raceId).param("now", java.sql.Timestamp.from(now)).query(Long.class).optional()
                .map(OptionalLong::of).orElse(OptionalLong.empty());
    }

    private RefundPolicy policy(String text) {
        List<RefundPolicy.Step> steps = json.readValue(text, new TypeReference<List<RefundPolicy.Step>>() {
        });
        return new RefundPolicy(steps);
    }

    static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
