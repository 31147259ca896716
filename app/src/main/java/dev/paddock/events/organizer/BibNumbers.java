package dev.paddock.events.organizer;

import dev.paddock.shared.RoundTrip;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.IntConsumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A race's bib ranges ({@code events.bib_ranges}) and their numbers ({@code events.bib_numbers}), one row per
 * number: claiming one skips rows other transactions hold, so concurrent confirmations neither queue nor
 * collide. The holder's bib is also written on {@code events.registrations.bib}, with a BIB_ASSIGNED history row.
 */
@Component
class BibNumbers {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    BibNumbers(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    List<BibRange> ranges(UUID raceId) {
        return jdbc.sql("select first_bib, last_bib, wave from events.bib_ranges where race_id = :race order by first_bib")
                .param("race", raceId)
                .query((rs, n) -> new BibRange(rs.getInt(1), rs.getInt(2), rs.getString(3))).list();
    }

    List<BibRange> otherRaces(UUID eventId, UUID raceId) {
        return jdbc.sql("""
                select b.first_bib, b.last_bib, b.wave from events.bib_ranges b join events.races r on r.id = b.race_id
                where r.event_id = :event and r.id <> :race""")
                .param("event", eventId).param("race", raceId)
                .query((rs, n) -> new BibRange(rs.getInt(1), rs.getInt(2), rs.getString(3))).list();
    }

    List<Integer> assigned(UUID raceId) {
        return jdbc.sql("select bib from events.registrations where race_id = :race and bib is not null")
                .param("race", raceId).query(Integer.class).list();
    }

    /** Frees the number a registration holds in a race and clears its bib; false if it held none. */
    boolean release(UUID registrationId, UUID raceId) {
        int freed = jdbc.sql("update events.bib_numbers set registration_id = null where registration_id = :reg and race_id = :race")
                .param("reg", registrationId).param("race", raceId).update();
        jdbc.sql("update events.registrations set bib = null where id = :reg and bib is not null").param("reg", registrationId)
                .update();
        return freed > 0;
    }

    /** Confirmed registrations of the race, those with a bib, and free numbers. */
    long[] counts(UUID raceId) {
        return jdbc.sql("""
                select count(*) filter (where status = 'CONFIRMED'),
                    count(*) filter (where status = 'CONFIRMED' and bib is not null),
                    (select count(*) from events.bib_numbers where race_id = :race and registration_id is null)
                from events.registrations where race_id = :race""")
                .param("race", raceId).query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)})
                .single();
    }

    /** Locks the race row: range edits and bib runs of one race do not interleave. */
    void lockRace(UUID raceId) {
        jdbc.sql("select id from events.races where id = :race for update").param("race", raceId).query().listOfRows();
    }

    /** Replaces the ranges, keeping held numbers (the caller checked they stay inside the new ranges). */
    void replace(UUID raceId, List<BibRange> ranges) {
        List<UUID> old = jdbc.sql("select id from events.bib_ranges where race_id = :race").param("race", raceId)
                .query(UUID.class).list();
        for (BibRange range : ranges) {
            UUID id = UUID.randomUUID();
            jdbc.sql("insert into events.bib_ranges (id, race_id, first_bib, last_bib, wave) values (:id, :race, :first, :last, :wave)")
                    .param("id", id).param("race", raceId).param("first", range.firstBib()).param("last", range.lastBib())
                    .param("wave", range.wave()).update();
            jdbc.sql("update events.bib_numbers set range_id = :id where race_id = :race and bib between :first and :last")
                    .param("id", id).param("race", raceId).param("first", range.firstBib()).param("last", range.lastBib())
                    .update();
            jdbc.sql("""
                    insert into events.bib_numbers (race_id, bib, range_id)
                    select :race, n, :id from generate_series(:first, :last) n on conflict do nothing""")
                    .param("id", id).param("race", raceId).param("first", range.firstBib()).param("last", range.lastBib())
                    .update();
        }
        if (!old.isEmpty()) {
            jdbc.sql("delete from events.bib_numbers where range_id in (:old)").param("old", old).update();
            jdbc.sql("delete from events.bib_ranges where id in (:old)").param("old", old).update();
        }
    }

    /**
     * Numbers confirmed registrations of a race without a bib in one statement: as many of the lowest free numbers
     * as there are such registrations (skipping rows other transactions hold), given in the registrations' order,
     * written on them with their BIB_ASSIGNED history rows. Returns how many were numbered.
     */
    int numberAll(UUID raceId, List<UUID> registrationIds, String run, Instant at) {
        return jdbc.sql("""
                with entrants as (
                    select t.id, row_number() over (order by t.ord) as n
                    from unnest(cast(:ids as uuid[])) with ordinality as t(id, ord)
                    join events.registrations r on r.id = t.id
                    where r.race_id = :race and r.status = 'CONFIRMED' and r.bib is null),
                free as (
                    select bib, range_id, row_number() over (order by bib) as n
                    from (select bib, range_id from events.bib_numbers
                          where race_id = :race and registration_id is null
                          order by bib limit (select count(*) from entrants) for update skip locked) f),
                claimed as (
                    update events.bib_numbers b set registration_id = e.id
                    from entrants e join free f on f.n = e.n
                    where b.race_id = :race and b.bib = f.bib
                    returning b.bib, b.range_id, b.registration_id),
                numbered as (
                    update events.registrations r set bib = c.bib from claimed c where r.id = c.registration_id
                    returning r.id, c.bib, c.range_id)
                insert into events.registration_history (registration_id, at, kind, actor_account_id, details)
                select n.id, :at, 'BIB_ASSIGNED', null,
                       jsonb_build_object('bib', n.bib, 'wave', br.wave, 'run', cast(:run as text))
                from numbered n join events.bib_ranges br on br.id = n.range_id""")
                .param("ids", registrationIds.toArray(UUID[]::new)).param("race", raceId).param("run", run)
                .param("at", Timestamp.from(at)).update();
    }

    /**
     * Up to {@code count} of the race's lowest free numbers, locked (skipping those other transactions hold), in
     * order: taken before the registrations are written, which are then inserted with their bib.
     */
    List<Integer> takeFree(UUID raceId, int count) {
        return jdbc.sql("""
                select bib from events.bib_numbers where race_id = :race and registration_id is null
                order by bib limit :count for update skip locked""")
                .param("race", raceId).param("count", count).query(Integer.class).list();
    }

    /**
     * Whether the race numbers at payment (as {@link #bibModeAtPayment}) and, if it does, up to {@code count} of its
     * free numbers locked as {@link #takeFree} locks them: one statement for both.
     */
    Taken takeFreeAtPayment(UUID raceId, int count) {
        List<Integer> bibs = new ArrayList<>();
        boolean[] atPayment = {false};
        jdbc.sql("""
                with mode as (
                    select bib_mode = 'AT_PAYMENT' and exists (select 1 from events.bib_ranges where race_id = :race)
                        as at_payment
                    from events.races where id = :race)
                select m.at_payment, f.bib from mode m
                left join lateral (
                    select bib from events.bib_numbers
                    where race_id = :race and registration_id is null and m.at_payment
                    order by bib limit :count for update skip locked) f on true
                order by f.bib""")
                .param("race", raceId).param("count", count).query(rs -> {
                    atPayment[0] = rs.getBoolean(1);
                    int bib = rs.getInt(2);
                    if (!rs.wasNull()) {
                        bibs.add(bib);
                    }
                });
        return new Taken(atPayment[0], bibs);
    }

    /** What {@link #takeFreeAtPayment} found: the race's mode and the numbers locked (none unless at payment). */
    record Taken(boolean atPayment, List<Integer> bibs) {
    }

    /**
     * Marks numbers taken by {@link #takeFree} as held by the registrations written with them, with their
     * BIB_ASSIGNED history rows, in one statement added to {@code trip}; {@code held} gets how many were held.
     */
    void hold(RoundTrip trip, UUID raceId, List<UUID> registrationIds, List<Integer> bibs, String run, Instant at,
            IntConsumer held) {
        trip.add("""
                with held as (
                    update events.bib_numbers b set registration_id = t.id
                    from unnest(cast(:ids as uuid[]), cast(:bibs as int[])) as t(id, bib)
                    where b.race_id = :race and b.bib = t.bib and b.registration_id is null
                    returning b.bib, b.range_id, b.registration_id)
                insert into events.registration_history (registration_id, at, kind, actor_account_id, details)
                select h.registration_id, :at, 'BIB_ASSIGNED', null,
                       jsonb_build_object('bib', h.bib, 'wave', br.wave, 'run', cast(:run as text))
                from held h join events.bib_ranges br on br.id = h.range_id""",
                Map.of("ids", registrationIds.toArray(UUID[]::new), "bibs", bibs.toArray(Integer[]::new),
                        "race", raceId, "run", run, "at", Timestamp.from(at)), held);
    }

    /**
     * The first run of {@code size} consecutive free numbers of one range, claimed in order for the
     * registrations; empty when no such run can be had (another transaction holding part of each run counts).
     */
    Optional<List<Integer>> claimBlock(UUID raceId, List<UUID> registrationIds) {
        int size = registrationIds.size();
        int after = 0;
        for (int attempt = 0; attempt < 20; attempt++) {
            Optional<Integer> start = jdbc.sql("""
                    select min(bib) from (
                        select bib, range_id, bib - row_number() over (partition by range_id order by bib) as run
                        from events.bib_numbers where race_id = :race and registration_id is null and bib > :after) f
                    group by range_id, run having count(*) >= :size order by min(bib) limit 1""")
                    .param("race", raceId).param("after", after).param("size", size).query(Integer.class).optional();
            if (start.isEmpty()) {
                return Optional.empty();
            }
            List<Integer> locked = jdbc.sql("""
                    select bib from events.bib_numbers
                    where race_id = :race and bib between :first and :last and registration_id is null
                    order by bib for update skip locked""")
                    .param("race", raceId).param("first", start.get()).param("last", start.get() + size - 1)
                    .query(Integer.class).list();
            if (locked.size() == size) {
                for (int i = 0; i < size; i++) {
                    jdbc.sql("update events.bib_numbers set registration_id = :reg where race_id = :race and bib = :bib")
                            .param("reg", registrationIds.get(i)).param("race", raceId).param("bib", locked.get(i)).update();
                }
                return Optional.of(locked);
            }
            after = start.get();
        }
        return Optional.empty();
    }

    /** Every free number of the race, locked for a bib run, with the index of its range. */
    List<FreeBib> lockFree(UUID raceId) {
        List<int[]> rows = jdbc.sql("""
                select n.bib, r.first_bib from events.bib_numbers n join events.bib_ranges r on r.id = n.range_id
                where n.race_id = :race and n.registration_id is null order by n.bib for update of n""")
                .param("race", raceId).query((rs, i) -> new int[] {rs.getInt(1), rs.getInt(2)}).list();
        List<FreeBib> free = new ArrayList<>(rows.size());
        int range = 0;
        for (int i = 0; i < rows.size(); i++) {
            if (i > 0 && rows.get(i)[1] != rows.get(i - 1)[1]) {
                range++;
            }
            free.add(new FreeBib(rows.get(i)[0], range));
        }
        return free;
    }

    /** Whether the race numbers at payment and has ranges to number from (one indexed read per confirmation). */
    boolean bibModeAtPayment(UUID raceId) {
        return jdbc.sql("""
                select bib_mode = 'AT_PAYMENT' and exists (select 1 from events.bib_ranges where race_id = :race)
                from events.races where id = :race""").param("race", raceId)
                .query(Boolean.class).optional().orElse(false);
    }

    /** Confirmed registrations of the race without a bib, for a run. */
    List<Entrant> waiting(UUID raceId) {
        return entrants("r.race_id = :race", Map.of("race", raceId));
    }

    /** A team's confirmed members without a bib. */
    List<Entrant> waitingInTeam(UUID raceId, UUID teamId) {
        return entrants("r.race_id = :race and r.team_id = :team", Map.of("race", raceId, "team", teamId));
    }

    private List<Entrant> entrants(String where, Map<String, ?> params) {
        return jdbc.sql("""
                select r.id, r.first_name, r.last_name, r.team_id, t.name as team_name, r.team_role, r.predicted_seconds
                from events.registrations r left join events.teams t on t.id = r.team_id
                where %s and r.status = 'CONFIRMED' and r.bib is null
                order by r.confirmed_at, r.id""".formatted(where))
                .params(params)
                .query((rs, n) -> new Entrant(rs.getObject("id", UUID.class), rs.getString("first_name"),
                        rs.getString("last_name"), rs.getObject("team_id", UUID.class), rs.getString("team_name"),
                        "SUBSTITUTE".equals(rs.getString("team_role")), (Integer) rs.getObject("predicted_seconds")))
                .list();
    }

    /** Writes the bibs on the numbers, the registrations and their history, in three batches. */
    void record(UUID raceId, Map<UUID, Integer> bibs, String run, UUID actor, Instant at) {
        List<Object[]> rows = bibs.entrySet().stream().map(e -> new Object[] {e.getKey(), raceId, e.getValue()}).toList();
        batch.batchUpdate("update events.bib_numbers set registration_id = ? where race_id = ? and bib = ? and registration_id is null", rows);
        batch.batchUpdate("update events.registrations set bib = ? where id = ? and race_id = ?",
                bibs.entrySet().stream().map(e -> new Object[] {e.getValue(), e.getKey(), raceId}).toList());
        batch.batchUpdate("""
                insert into events.registration_history (registration_id, at, kind, actor_account_id, details)
                select ?, ?, 'BIB_ASSIGNED', ?, jsonb_build_object('bib', n.bib, 'wave', r.wave, 'run', ?::text)
                from events.bib_numbers n join events.bib_ranges r on r.id = n.range_id
                where n.race_id = ? and n.bib = ?""",
                bibs.entrySet().stream().map(e -> new Object[] {e.getKey(), Timestamp.from(at), actor, run, raceId,
                        e.getValue()}).toList());
    }
}
