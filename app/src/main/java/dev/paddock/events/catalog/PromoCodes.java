package dev.paddock.events.catalog;

import java.sql.Array;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** An event's promo codes. How many times each was used is counted by the registration part. */
@Repository("catalogPromoCodes")
class PromoCodes {

    /** A stored code with its id and uses so far. */
    record Stored(UUID id, PromoCode promo, int uses) {
    }

    private final JdbcClient jdbc;

    PromoCodes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** False when the event already has this code (nothing stored). */
    boolean insert(UUID id, UUID eventId, PromoCode p, Instant now) {
        return jdbc.sql("""
                insert into events.promo_codes (id, event_id, code, kind, value_cents, percent, race_ids, valid_until,
                    max_uses, first_time_only, created_at)
                values (:id, :event, :code, :kind, :value, :percent, :races, :validUntil, :maxUses, :firstTime, :now)
                on conflict (event_id, code) do nothing""")
                .param("id", id).param("event", eventId).param("code", p.code()).param("kind", p.kind().name())
                .param("value", p.valueCents()).param("percent", p.percent())
                .param("races", p.raceIds() == null ? null : p.raceIds().toArray(UUID[]::new))
                .param("validUntil", p.validUntil() == null ? null : Timestamp.from(p.validUntil()))
                .param("maxUses", p.maxUses()).param("firstTime", p.firstTimeOnly()).param("now", Timestamp.from(now))
                .update() == 1;
    }

    List<Stored> ofEvent(UUID eventId) {
        return jdbc.sql("select * from events.promo_codes where event_id = :event order by code").param("event", eventId)
                .query((rs, n) -> {
                    Array races = rs.getArray("race_ids");
                    Timestamp until = rs.getTimestamp("valid_until");
                    PromoCode promo = new PromoCode(rs.getString("code"), PromoCode.Kind.valueOf(rs.getString("kind")),
                            (Long) rs.getObject("value_cents"), (Integer) rs.getObject("percent"),
                            races == null ? null : Arrays.asList((UUID[]) races.getArray()),
                            until == null ? null : until.toInstant(), (Integer) rs.getObject("max_uses"),
                            rs.getBoolean("first_time_only"));
                    return new Stored(rs.getObject("id", UUID.class), promo, rs.getInt("uses"));
                }).list();
    }
}
