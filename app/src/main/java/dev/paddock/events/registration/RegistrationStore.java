package dev.paddock.events.registration;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The registration part's writes and the reads its transactions need: requests, orders, registrations, history. */
@Component
class RegistrationStore {

    private final JdbcClient jdbc;

    RegistrationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record StoredRequest(String fingerprint, String answer) {
    }

    /** The request already recorded under this requestId, if any (its answer is null while in flight). */
    Optional<StoredRequest> request(UUID account, String requestId) {
        return jdbc.sql("select fingerprint, answer::text from events.registration_requests"
                        + " where account_id = :account and request_id = :request")
                .param("account", account).param("request", requestId)
                .query((rs, n) -> new StoredRequest(rs.getString(1), rs.getString(2))).optional();
    }

    /**
     * Claims the requestId for this transaction; false if another one recorded it first (a concurrent retry
     * waits here until that one commits or rolls back).
     */
    boolean claimRequest(UUID account, String requestId, String fingerprint, Instant now) {
        return jdbc.sql("""
                        insert into events.registration_requests (account_id, request_id, fingerprint, created_at)
                        values (:account, :request, :fingerprint, :now) on conflict do nothing""")
                .param("account", account).param("request", requestId).param("fingerprint", fingerprint)
                .param("now", Timestamp.from(now)).update() == 1;
    }

    void recordAnswer(UUID account, String requestId, String answer) {
        jdbc.sql("update events.registration_requests set answer = :answer::jsonb"
                        + " where account_id = :account and request_id = :request")
                .param("answer", answer).param("account", account).param("request", requestId).update();
    }

    Optional<PromoCode> promo(UUID eventId, String code) {
        return jdbc.sql("""
                        select id, code, kind, value_cents, percent, race_ids, valid_until, max_uses, uses, first_time_only
                        from events.promo_codes where event_id = :event and code = :code""")
                .param("event", eventId).param("code", code)
                .query((rs, n) -> {
                    java.sql.Array races = rs.getArray("race_ids");
                    Timestamp until = rs.getTimestamp("valid_until");
                    return new PromoCode(rs.getObject("id", UUID.class), rs.getString("code"),
                            PromoCode.Kind.valueOf(rs.getString("kind")), (Long) rs.getObject("value_cents"),
                            (Integer) rs.getObject("percent"), races == null ? null : List.of((UUID[]) races.getArray()),
                            until == null ? null : until.toInstant(), (Integer) rs.getObject("max_uses"),
                            rs.getInt("uses"), rs.getBoolean("first_time_only"));
                }).optional();
    }

    /** Counts one use, unless the code is used up: the row lock orders concurrent orders using the same code. */
    boolean usePromo(UUID promoId) {
        return jdbc.sql("update events.promo_codes set uses = uses + 1"
                        + " where id = :id and (max_uses is null or uses < max_uses)")
                .param("id", promoId).update() == 1;
    }

    /** Whether the account has never had a paid order on the platform's events. */
    boolean firstTimeBuyer(UUID account) {
        return jdbc.sql("select not exists (select 1 from events.orders where account_id = :account)")
                .param("account", account).query(Boolean.class).single();
    }

    record NewOrder(UUID id, UUID account, UUID eventId, String requestId, String payment, long subtotalCents,
            long discountCents, UUID promoId, Instant at) {
    }

    void insertOrder(NewOrder order) {
        jdbc.sql("""
                        insert into events.orders (id, account_id, event_id, request_id, status, payment_method,
                            subtotal_cents, discount_cents, total_cents, promo_code_id, created_at)
                        values (:id, :account, :event, :request, 'PAID', :payment, :subtotal, :discount,
                            :subtotal - :discount, :promo, :at)""")
                .param("id", order.id()).param("account", order.account()).param("event", order.eventId())
                .param("request", order.requestId()).param("payment", order.payment())
                .param("subtotal", order.subtotalCents()).param("discount", order.discountCents())
                .param("promo", order.promoId()).param("at", Timestamp.from(order.at())).update();
    }

    /**
     * One registration to insert. A WAITLISTED one takes the next waitlist position; {@link #insert} returns
     * its rank among the race's waitlist.
     */
    record NewRegistration(UUID id, UUID raceId, UUID eventId, UUID orderId, UUID accountId, UUID buyer, UUID teamId,
            String teamRole, String status, Athlete athlete, String answers, Integer predictedSeconds,
            long priceCents, Instant at) {
    }

    /** Inserts the registration; for a WAITLISTED one, returns its place in the race's line (1 = next). */
    Long insert(NewRegistration r) {
        var statement = jdbc.sql("""
                        with inserted as (
                            insert into events.registrations (id, race_id, event_id, order_id, account_id,
                                buyer_account_id, team_id, team_role, status, first_name, last_name, gender, birth_date,
                                nationality, email, answers, predicted_seconds, price_cents, waitlist_position,
                                created_at, confirmed_at)
                            values (:id, :race, :event, :order, :account, :buyer, :team, :role, :status, :first, :last,
                                :gender, :birth, :nationality, :email, :answers::jsonb, :predicted, :price,
                                case when :status = 'WAITLISTED' then nextval('events.waitlist_positions') end,
                                :at, case when :status = 'CONFIRMED' then cast(:at as timestamptz) end)
                            returning race_id, waitlist_position)
                        select case when i.waitlist_position is null then null else 1 + (
                            select count(*) from events.registrations w where w.race_id = i.race_id
                            and w.status = 'WAITLISTED' and w.waitlist_position < i.waitlist_position) end
                        from inserted i""")
                .param("id", r.id()).param("race", r.raceId()).param("event", r.eventId()).param("order", r.orderId())
                .param("account", r.accountId()).param("buyer", r.buyer()).param("team", r.teamId())
                .param("role", r.teamRole()).param("status", r.status()).param("first", r.athlete().firstName())
                .param("last", r.athlete().lastName()).param("gender", r.athlete().gender())
                .param("birth", r.athlete().birthDate()).param("nationality", r.athlete().nationality())
                .param("email", r.athlete().email()).param("answers", r.answers())
                .param("predicted", r.predictedSeconds()).param("price", r.priceCents())
                .param("at", Timestamp.from(r.at()));
        return statement.query((rs, n) -> (Long) rs.getObject(1)).list().getFirst();
    }

    /** History rows, one statement for all of them. */
    void history(List<UUID> registrations, List<String> kinds, UUID actor, String details, Instant at) {
        jdbc.sql("""
                        insert into events.registration_history (registration_id, at, kind, actor_account_id, details)
                        select r, :at, k, :actor, :details::jsonb from unnest(:registrations::uuid[]) r
                        cross join unnest(:kinds::text[]) with ordinality as k(k, o) order by r, o""")
                .param("registrations", registrations.toArray(UUID[]::new)).param("kinds", kinds.toArray(String[]::new))
                .param("actor", actor).param("details", details).param("at", Timestamp.from(at)).update();
    }

    Map<UUID, Integer> bibs(List<UUID> registrations) {
        return jdbc.sql("select id, bib from events.registrations where id = any(:ids) and bib is not null")
                .param("ids", registrations.toArray(UUID[]::new))
                .query((rs, n) -> Map.entry(rs.getObject(1, UUID.class), rs.getInt(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
