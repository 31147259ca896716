package dev.paddock.events.registration;

import dev.paddock.shared.RoundTrip;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The batched statements of {@link RegistrationWriter}: each writes or reads the rows of a whole batch in one
 * round trip ({@code unnest} of arrays, rows in array order), in the batch's transaction.
 */
@Component
class RegistrationRows {

    private final JdbcClient jdbc;
    private final JdbcOperations operations;

    RegistrationRows(JdbcClient jdbc, JdbcOperations operations) {
        this.jdbc = jdbc;
        this.operations = operations;
    }

    /** A round trip for the batch's writes that do not depend on each other's answers, on its transaction. */
    RoundTrip roundTrip() {
        return new RoundTrip(operations);
    }

    static String key(UUID account, String requestId) {
        return account + "|" + requestId;
    }

    /**
     * The requests recorded earlier under the keys {@code :accounts} and {@code :requests}: one primary-key look-up
     * per key (at most one row each, so limit 1 is exact and keeps the planner from flattening it): joined plainly,
     * the planner hashed the batch and read the whole table, every batch (2.6 s of PostgreSQL's first 15 s of an
     * opening rush, 559 batches). Rows as {@link #PEOPLE}'s, so that the two run as one statement.
     */
    private static final String REQUESTS = """
            select 'request', q.account_id::text, q.request_id, q.fingerprint, q.answer::text, null
            from unnest(:accounts::uuid[], :requests::text[]) as t(a, r)
            cross join lateral (
                select q.account_id, q.request_id, q.fingerprint, q.answer from events.registration_requests q
                where q.account_id = t.a and q.request_id = t.r limit 1) q""";

    /** The people among {@code :races}, {@code :emails}... that hold a live entry: one index look-up each, as above. */
    private static final String PEOPLE = """
            select 'person', r.race_id::text, lower(r.email), lower(r.first_name), lower(r.last_name),
                r.birth_date::text
            from unnest(:races::uuid[], :emails::text[], :firsts::text[], :lasts::text[], :births::text[])
                as t(race, email, first, last, birth)
            cross join lateral (
                select r.race_id, r.email, r.first_name, r.last_name, r.birth_date from events.registrations r
                where r.race_id = t.race and lower(r.email) = lower(t.email)
                    and lower(r.first_name) = lower(t.first) and lower(r.last_name) = lower(t.last)
                    and r.birth_date = t.birth::date
                    and r.status in ('CONFIRMED', 'OFFERED', 'WAITLISTED', 'ENTERED')
                limit 1) r""";

    /**
     * What a batch's decisions read, in one round trip: the requests recorded earlier under these keys (by
     * {@link #key}) and the person keys ({@link Person#key}) among {@code people} that already hold a live entry in
     * their race. One statement instead of two: under a full machine each round trip of a batch waits for the
     * writer's thread and then its backend to get a core (README, Benchmarks, session 16).
     */
    Recorded recorded(UUID[] accounts, String[] requestIds, List<Person> people) {
        Recorded recorded = new Recorded(new HashMap<>(), new HashSet<>());
        jdbc.sql(REQUESTS + "\nunion all\n" + PEOPLE)
                .param("accounts", accounts).param("requests", requestIds)
                .param("races", people.stream().map(Person::raceId).toArray(UUID[]::new))
                .param("emails", people.stream().map(Person::email).toArray(String[]::new))
                .param("firsts", people.stream().map(Person::firstName).toArray(String[]::new))
                .param("lasts", people.stream().map(Person::lastName).toArray(String[]::new))
                .param("births", people.stream().map(p -> p.birthDate().toString()).toArray(String[]::new))
                .query(recorded::add);
        return recorded;
    }

    /** The requests recorded earlier under these keys, by {@link #key} ({@link RequestLookups}). */
    Map<String, RegistrationStore.StoredRequest> requests(UUID[] accounts, String[] requestIds) {
        Recorded recorded = new Recorded(new HashMap<>(), Set.of());
        jdbc.sql(REQUESTS).param("accounts", accounts).param("requests", requestIds).query(recorded::add);
        return recorded.requests();
    }

    /**
     * @param requests    the requests recorded earlier, by {@link #key}
     * @param liveEntries the person keys ({@link Person#key}) that hold a live entry in their race
     */
    record Recorded(Map<String, RegistrationStore.StoredRequest> requests, Set<String> liveEntries) {

        /** A row of {@link RegistrationRows#REQUESTS} or {@link RegistrationRows#PEOPLE}. */
        private void add(ResultSet rs) throws SQLException {
            if ("request".equals(rs.getString(1))) {
                requests.put(key(UUID.fromString(rs.getString(2)), rs.getString(3)),
                        new RegistrationStore.StoredRequest(rs.getString(4), rs.getString(5)));
            } else {
                liveEntries.add(rs.getString(2) + "|" + rs.getString(3) + "|" + rs.getString(4) + "|"
                        + rs.getString(5) + "|" + rs.getString(6));
            }
        }
    }

    /**
     * Records the batch's requestIds with their answers (for replays) in one insert added to {@code trip}, once the
     * batch is decided; a key another transaction recorded since {@link #recorded} read them (it waits for that
     * one's commit) fails the batch with 409 request-in-flight, so nothing of it is written, and the writer tries its
     * entries one by one.
     */
    void recordRequests(RoundTrip trip, UUID[] accounts, String[] requestIds, String[] fingerprints, String[] answers,
            Instant at) {
        trip.add("""
                insert into events.registration_requests (account_id, request_id, fingerprint, created_at, answer)
                select a, r, f, :at, answer::jsonb
                from unnest(:accounts::uuid[], :requests::text[], :fingerprints::text[], :answers::text[])
                    as t(a, r, f, answer)
                on conflict do nothing""", Map.of("accounts", accounts, "requests", requestIds, "fingerprints",
                fingerprints, "answers", answers, "at", Timestamp.from(at)), recorded -> {
                    if (recorded != accounts.length) {
                        throw RegistrationBatch.inFlight();
                    }
                });
    }

    /** The person of the one-live-entry-per-race rule (the unique index registrations_one_live_per_person). */
    record Person(UUID raceId, String email, String firstName, String lastName, java.time.LocalDate birthDate) {

        String key() {
            return raceId + "|" + email.toLowerCase(java.util.Locale.ROOT) + "|"
                    + firstName.toLowerCase(java.util.Locale.ROOT) + "|" + lastName.toLowerCase(java.util.Locale.ROOT)
                    + "|" + birthDate;
        }
    }

    /** Up to {@code wanted} free places of the race, locked for this transaction; rows others hold are skipped. */
    List<Integer> freePlaces(UUID raceId, int wanted) {
        return jdbc.sql("""
                        select number from events.places
                        where race_id = :race and registration_id is null
                        order by number limit :n for update skip locked""")
                .param("race", raceId).param("n", wanted).query(Integer.class).list();
    }

    /** The next {@code count} waitlist positions, in increasing order. */
    List<Long> waitlistPositions(int count) {
        return jdbc.sql("select nextval('events.waitlist_positions') from generate_series(1, :n) order by 1")
                .param("n", count).query(Long.class).list();
    }

    /**
     * The rest of the batch's transaction runs its statements on generic plans (why: {@link WriterConnection}), for
     * a batch written on a connection not held by a writer. {@code set local}: back to the default at the commit.
     */
    void planOnce() {
        jdbc.sql("set local plan_cache_mode = force_generic_plan").update();
    }

    /**
     * How many are waiting in the race's line ahead of {@code position}: the whole line (its counts, kept by
     * triggers, events V42) less those at or after {@code position}, which are this batch's entries and those of
     * batches that took later positions and committed meanwhile, an index range of a few rows; both read in one
     * snapshot, so the same as counting the line ahead (which read every entry ahead, thousands at an opening).
     */
    long waitingBefore(UUID raceId, long position) {
        return jdbc.sql("""
                        select coalesce((select sum(waiting) from events.waitlist_counts where race_id = :race), 0)
                            - (select count(*) from events.registrations
                               where race_id = :race and status = 'WAITLISTED' and waitlist_position >= :position)""")
                .param("race", raceId).param("position", position).query(Long.class).single();
    }

    /**
     * The confirmed entries' orders and the individual registrations (no team), CONFIRMED or WAITLISTED, with the
     * places they hold and their first two history rows ({@code CREATED}, then {@code PAID} or {@code WAITLISTED},
     * in array order), in one statement added to {@code trip}: one plan instead of four per batch, and no round trip
     * of its own.
     *
     * @param orders    the orders of the CONFIRMED ones (none when all wait)
     * @param written   the registrations, with for each its waitlist position (WAITLISTED), its bib (taken at
     *                  payment, else null), its place (locked by {@link #freePlaces}, else null) and its history
     */
    void insertRegistrations(RoundTrip trip, List<RegistrationStore.NewOrder> orders, List<Written> written) {
        var r = written;
        Map<String, Object> values = new HashMap<>();
        values.put("ids", r.stream().map(x -> x.registration().id()).toArray(UUID[]::new));
        values.put("races", r.stream().map(x -> x.registration().raceId()).toArray(UUID[]::new));
        values.put("events", r.stream().map(x -> x.registration().eventId()).toArray(UUID[]::new));
        values.put("orders", r.stream().map(x -> x.registration().orderId()).toArray(UUID[]::new));
        values.put("accounts", r.stream().map(x -> x.registration().accountId()).toArray(UUID[]::new));
        values.put("buyers", r.stream().map(x -> x.registration().buyer()).toArray(UUID[]::new));
        values.put("statuses", r.stream().map(x -> x.registration().status()).toArray(String[]::new));
        values.put("firsts", r.stream().map(x -> x.registration().athlete().firstName()).toArray(String[]::new));
        values.put("lasts", r.stream().map(x -> x.registration().athlete().lastName()).toArray(String[]::new));
        values.put("genders", r.stream().map(x -> x.registration().athlete().gender()).toArray(String[]::new));
        values.put("births", r.stream().map(x -> x.registration().athlete().birthDate().toString())
                .toArray(String[]::new));
        values.put("nationalities", r.stream().map(x -> x.registration().athlete().nationality())
                .toArray(String[]::new));
        values.put("emails", r.stream().map(x -> x.registration().athlete().email()).toArray(String[]::new));
        values.put("answers", r.stream().map(x -> x.registration().answers()).toArray(String[]::new));
        values.put("predicted", r.stream().map(x -> x.registration().predictedSeconds()).toArray(Integer[]::new));
        values.put("prices", r.stream().map(x -> x.registration().priceCents()).toArray(Long[]::new));
        values.put("positions", r.stream().map(Written::position).toArray(Long[]::new));
        values.put("bibs", r.stream().map(Written::bib).toArray(Integer[]::new));
        values.put("places", r.stream().map(Written::place).toArray(Integer[]::new));
        values.put("details", r.stream().map(Written::details).toArray(String[]::new));
        values.put("orderIds", orders.stream().map(RegistrationStore.NewOrder::id).toArray(UUID[]::new));
        values.put("orderAccounts", orders.stream().map(RegistrationStore.NewOrder::account).toArray(UUID[]::new));
        values.put("orderEvents", orders.stream().map(RegistrationStore.NewOrder::eventId).toArray(UUID[]::new));
        values.put("orderRequests", orders.stream().map(RegistrationStore.NewOrder::requestId).toArray(String[]::new));
        values.put("payments", orders.stream().map(RegistrationStore.NewOrder::payment).toArray(String[]::new));
        values.put("subtotals", orders.stream().map(RegistrationStore.NewOrder::subtotalCents).toArray(Long[]::new));
        values.put("discounts", orders.stream().map(RegistrationStore.NewOrder::discountCents).toArray(Long[]::new));
        values.put("promos", orders.stream().map(RegistrationStore.NewOrder::promoId).toArray(UUID[]::new));
        values.put("at", Timestamp.from(r.getFirst().registration().at()));
        trip.add("""
                        with ordered as (
                            insert into events.orders (id, account_id, event_id, request_id, status, payment_method,
                                subtotal_cents, discount_cents, total_cents, promo_code_id, created_at)
                            select id, account, event, request, 'PAID', payment, subtotal, discount, subtotal - discount,
                                promo, :at
                            from unnest(:orderIds::uuid[], :orderAccounts::uuid[], :orderEvents::uuid[],
                                :orderRequests::text[], :payments::text[], :subtotals::bigint[], :discounts::bigint[],
                                :promos::uuid[])
                                as t(id, account, event, request, payment, subtotal, discount, promo)),
                        registered as (
                            insert into events.registrations (id, race_id, event_id, order_id, account_id, buyer_account_id,
                                status, first_name, last_name, gender, birth_date, nationality, email, answers,
                                predicted_seconds, price_cents, waitlist_position, bib, created_at, confirmed_at)
                            select id, race, event, ord, account, buyer, status, first, last, gender, birth::date,
                                nationality, email, answers::jsonb, predicted, price, position, bib, :at,
                                case when status = 'CONFIRMED' then cast(:at as timestamptz) end
                            from unnest(:ids::uuid[], :races::uuid[], :events::uuid[], :orders::uuid[], :accounts::uuid[],
                                :buyers::uuid[], :statuses::text[], :firsts::text[], :lasts::text[], :genders::text[],
                                :births::text[], :nationalities::text[], :emails::text[], :answers::text[],
                                :predicted::int[], :prices::bigint[], :positions::bigint[], :bibs::int[])
                                as t(id, race, event, ord, account, buyer, status, first, last, gender, birth, nationality,
                                    email, answers, predicted, price, position, bib)),
                        seated as (
                            update events.places p set registration_id = t.id
                            from unnest(:ids::uuid[], :races::uuid[], :places::int[]) as t(id, race, number)
                            where p.race_id = t.race and p.number = t.number)
                        insert into events.registration_history (registration_id, at, kind, actor_account_id, details)
                        select t.id, :at, k.kind, t.buyer, t.details::jsonb
                        from unnest(:ids::uuid[], :buyers::uuid[], :statuses::text[], :details::text[])
                            with ordinality as t(id, buyer, status, details, o)
                        cross join lateral (values (1, 'CREATED'),
                            (2, case when t.status = 'CONFIRMED' then 'PAID' else 'WAITLISTED' end)) as k(n, kind)
                        order by t.o, k.n""", values, inserted -> {
                    // the history rows; a failed insert fails the whole trip
                });
    }

    /**
     * A registration as the writer inserts it.
     *
     * @param position its waitlist position when WAITLISTED, else null
     * @param bib      the bib taken for it at payment, else null
     * @param place    the place it holds (locked by {@link #freePlaces}) when CONFIRMED, else null
     * @param details  the details of its second history row (the payment), as JSON
     */
    record Written(RegistrationStore.NewRegistration registration, Long position, Integer bib, Integer place,
            String details) {
    }

    /** Gives back one use of a promo code counted in this batch for an entry that did not buy. */
    void returnPromoUse(UUID promoId) {
        jdbc.sql("update events.promo_codes set uses = uses - 1 where id = :id").param("id", promoId).update();
    }
}
