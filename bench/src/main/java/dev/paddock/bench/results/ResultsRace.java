package dev.paddock.bench.results;

import static dev.paddock.bench.events.RushEvent.object;

import dev.paddock.bench.PaddockApi;
import dev.paddock.bench.events.Athletes;
import dev.paddock.bench.events.RushEvent;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The race of a results rush, set up through the APIs: the event and its marathon by the demo organizer
 * ({@link RushEvent}), the start list inserted straight into PostgreSQL (14,000 registrations through the
 * registration API would take minutes of set-up on this machine: one order, then one CONFIRMED registration with
 * its bib per athlete), the timing points by the demo operator (start, 10K, half, 30K, finish; official clock GUN)
 * and the start signal, given {@code gun} in the past. The race so far (every crossing before the replay) is sent
 * through the batch intake API, not measured.
 */
record ResultsRace(RushEvent event, Instant gun, AtomicReference<PaddockApi.Tokens> operator) {

    static final String OPERATOR = "operator@paddock.dev";
    static final String OPERATOR_PASSWORD = "paddock-operator";

    String raceId() {
        return event.raceId();
    }

    static ResultsRace create(PaddockApi api, String run, Marathon marathon, Athletes athletes, Instant gun,
            String jdbcUrl, PrintStream out) throws Exception {
        RushEvent event = RushEvent.create(api, run, marathon.runners(), 5000, Instant.now(), 0, out);
        startList(jdbcUrl, event, marathon.runners(), athletes, run);
        AtomicReference<PaddockApi.Tokens> operator = new AtomicReference<>(api.logIn(OPERATOR, OPERATOR_PASSWORD));
        List<Map<String, Object>> points = new ArrayList<>();
        points.add(object("code", "start", "kind", "START", "distanceM", 0));
        for (Marathon.Point point : Marathon.POINTS) {
            points.add(object("code", point.code(), "kind", point.code().equals("finish") ? "FINISH" : "SPLIT",
                    "distanceM", point.metres()));
        }
        String timing = "/api/timing/races/" + event.raceId();
        api.call("PUT", timing, operator.get().accessToken(), object("officialClock", "GUN", "points", points), 200);
        api.call(timing + "/start", operator.get().accessToken(), object("at", gun.toString()), 200);
        return new ResultsRace(event, gun, operator);
    }

    private static void startList(String jdbcUrl, RushEvent event, int runners, Athletes athletes, String run)
            throws Exception {
        try (Connection db = DriverManager.getConnection(jdbcUrl)) {
            db.setAutoCommit(false);
            UUID order = UUID.randomUUID();
            UUID buyer = UUID.randomUUID();
            Timestamp now = Timestamp.from(Instant.now());
            try (PreparedStatement insert = db.prepareStatement("""
                    insert into events.orders (id, account_id, event_id, request_id, status, payment_method,
                        subtotal_cents, total_cents, created_at)
                    values (?, ?, ?, ?, 'PAID', 'FREE', 0, 0, ?)""")) {
                insert.setObject(1, order);
                insert.setObject(2, buyer);
                insert.setObject(3, UUID.fromString(event.eventId()));
                insert.setString(4, "results-rush-" + run);
                insert.setTimestamp(5, now);
                insert.executeUpdate();
            }
            try (PreparedStatement insert = db.prepareStatement("""
                    insert into events.registrations (id, race_id, event_id, order_id, buyer_account_id, status,
                        first_name, last_name, gender, birth_date, nationality, email, answers, bib, created_at,
                        confirmed_at)
                    values (?, ?, ?, ?, ?, 'CONFIRMED', ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?)""")) {
                for (int bib = 1; bib <= runners; bib++) {
                    Athletes.Athlete athlete = athletes.athlete(bib);
                    insert.setObject(1, UUID.randomUUID());
                    insert.setObject(2, UUID.fromString(event.raceId()));
                    insert.setObject(3, UUID.fromString(event.eventId()));
                    insert.setObject(4, order);
                    insert.setObject(5, buyer);
                    insert.setString(6, athlete.firstName());
                    insert.setString(7, athlete.lastName());
                    insert.setString(8, athlete.gender());
                    insert.setObject(9, athlete.birthDate());
                    insert.setString(10, athlete.nationality());
                    insert.setString(11, athlete.email());
                    insert.setString(12, athlete.club() == null ? "{}" : "{\"club\": \"" + athlete.club() + "\"}");
                    insert.setInt(13, bib);
                    insert.setTimestamp(14, now);
                    insert.setTimestamp(15, now);
                    insert.addBatch();
                    if (bib % 1000 == 0) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
            db.commit();
        }
    }

    /** Sends the crossings through the batch intake API, {@code threads} batches of up to 1,000 at a time. */
    void sendBefore(PaddockApi api, List<Marathon.Crossing> crossings, int threads, Outcomes outcomes)
            throws Exception {
        List<List<Marathon.Crossing>> batches = new ArrayList<>();
        for (int i = 0; i < crossings.size(); i += 1000) {
            batches.add(crossings.subList(i, Math.min(crossings.size(), i + 1000)));
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> sent = new ArrayList<>();
            for (List<Marathon.Crossing> batch : batches) {
                sent.add(pool.submit(() -> {
                    var answer = api.call(passings() + "/batch", operator.get().accessToken(),
                            batch.stream().map(this::read).toList(), 200);
                    for (int i = 0; i < batch.size(); i++) {
                        outcomes.answered(batch.get(i), answer.get(i).get("verdict").asString());
                    }
                    return null;
                }));
            }
            for (Future<?> batch : sent) {
                batch.get();
            }
        }
    }

    String passings() {
        return "/api/timing/races/" + event.raceId() + "/passings";
    }

    /** The intake's request for a crossing, with an id of its own so that a replay is recognised. */
    Map<String, Object> read(Marathon.Crossing crossing) {
        return object("id", crossing.bib() + "-" + crossing.point(), "bib", crossing.bib(), "point", crossing.point(),
                "at", gun.plusMillis(crossing.raceMillis()).toString(), "line", "MAIN");
    }
}
