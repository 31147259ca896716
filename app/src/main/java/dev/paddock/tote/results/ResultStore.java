package dev.paddock.tote.results;

import dev.paddock.identity.AccountId;
import dev.paddock.tote.RaceStatus;
import dev.paddock.tote.RunnerCard;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Arrivals and their history in PostgreSQL (see V12__results.sql). Writes expect the caller's transaction. */
@Repository
class ResultStore {

    private final JdbcClient jdbc;

    ResultStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The race's row as results need it. */
    record RaceRow(UUID id, String code, String name, LocalDate date, RaceStatus status, Instant statusChangedAt) {
    }

    /**
     * Locks the race row until the end of the transaction: results of one race are entered one at a time, and a
     * settlement that reads the race {@code for share} waits for a correction in flight (and the reverse).
     */
    Optional<RaceRow> lockRace(UUID raceId) {
        return race(raceId, " for update of r");
    }

    Optional<RaceRow> race(UUID raceId) {
        return race(raceId, "");
    }

    private Optional<RaceRow> race(UUID raceId, String lock) {
        return jdbc.sql("""
                        select r.id, 'R' || m.number || 'C' || r.number as code, r.name, m.date, r.status, r.status_changed_at
                        from tote.races r join tote.meetings m on m.id = r.meeting_id where r.id = :id""" + lock)
                .param("id", raceId)
                .query((rs, n) -> new RaceRow(rs.getObject("id", UUID.class), rs.getString("code"), rs.getString("name"),
                        rs.getObject("date", LocalDate.class),
                        RaceStatus.valueOf(rs.getString("status")), instant(rs, "status_changed_at")))
                .optional();
    }

    List<RunnerCard> runners(UUID raceId) {
        return jdbc.sql("select number, name, non_runner from tote.runners where race_id = :race order by number")
                .param("race", raceId)
                .query((rs, n) -> new RunnerCard(rs.getInt("number"), rs.getString("name"), rs.getBoolean("non_runner")))
                .list();
    }

    Optional<EnteredResult> current(UUID raceId) {
        return jdbc.sql("""
                        select race_id, version, finish, disqualified, official, entered_by, entered_at, official_by, official_at
                        from tote.arrivals where race_id = :race""")
                .param("race", raceId)
                .query((rs, n) -> new EnteredResult(rs.getObject("race_id", UUID.class), rs.getInt("version"),
                        FinishNotation.parse(rs.getString("finish")), numbers(rs.getArray("disqualified")),
                        rs.getBoolean("official"), new AccountId(rs.getObject("entered_by", UUID.class)),
                        instant(rs, "entered_at"), optionalInstant(rs, "official_at")))
                .optional();
    }

    /** Puts a new provisional version in place of the race's arrival, if any. */
    void putProvisional(UUID raceId, int version, ArrivalCheck.Checked arrival, AccountId by, Instant at) {
        jdbc.sql("""
                        insert into tote.arrivals (race_id, version, finish, disqualified, official, entered_by, entered_at)
                        values (:race, :version, :finish, :disqualified, false, :by, :at)
                        on conflict (race_id) do update set version = excluded.version, finish = excluded.finish,
                            disqualified = excluded.disqualified, official = false, entered_by = excluded.entered_by,
                            entered_at = excluded.entered_at, official_by = null, official_at = null""")
                .param("race", raceId).param("version", version).param("finish", FinishNotation.format(arrival.finish()))
                .param("disqualified", arrival.disqualified().toArray(Integer[]::new)).param("by", by.value())
                .param("at", Timestamp.from(at)).update();
    }

    void markOfficial(UUID raceId, AccountId by, Instant at) {
        jdbc.sql("update tote.arrivals set official = true, official_by = :by, official_at = :at where race_id = :race")
                .param("race", raceId).param("by", by.value()).param("at", Timestamp.from(at)).update();
    }

    /** Appends to the race's history; the caller holds the race row, so the sequence has no gap nor race. */
    void record(UUID raceId, ResultHistory.Action action, int version, ArrivalCheck.Checked arrival, String reason,
            AccountId by, Instant at) {
        jdbc.sql("""
                        insert into tote.arrival_history (race_id, seq, action, version, finish, disqualified, reason, by_account, at)
                        values (:race, (select coalesce(max(seq), 0) + 1 from tote.arrival_history where race_id = :race),
                            :action, :version, :finish, :disqualified, :reason, :by, :at)""")
                .param("race", raceId).param("action", action.name()).param("version", version)
                .param("finish", FinishNotation.format(arrival.finish()))
                .param("disqualified", arrival.disqualified().toArray(Integer[]::new)).param("reason", reason)
                .param("by", by.value()).param("at", Timestamp.from(at)).update();
    }

    List<ResultHistory> history(UUID raceId) {
        return jdbc.sql("""
                        select seq, action, version, finish, disqualified, reason, by_account, at
                        from tote.arrival_history where race_id = :race order by seq""")
                .param("race", raceId)
                .query((rs, n) -> new ResultHistory(rs.getInt("seq"), ResultHistory.Action.valueOf(rs.getString("action")),
                        rs.getInt("version"), FinishNotation.parse(rs.getString("finish")), numbers(rs.getArray("disqualified")),
                        rs.getString("reason"), new AccountId(rs.getObject("by_account", UUID.class)),
                        instant(rs, "at")))
                .list();
    }

    /** Whether settlement has begun on a pool of the race, its own or a Big 5 it is a leg of. */
    boolean settlementStarted(UUID raceId) {
        return jdbc.sql("""
                        select exists (select 1 from tote.pool_settlements s where s.pool_id in (
                            select p.id from tote.pools p where p.race_id = :race
                            union all select l.pool_id from tote.big5_legs l where l.race_id = :race))""")
                .param("race", raceId).query(Boolean.class).single();
    }

    /** Whether a bet on the race is still waiting for its remote debit (it may yet reach the pool totals). */
    boolean betsPending(UUID raceId) {
        return jdbc.sql("""
                        select exists (select 1 from tote.bets b where b.status = 'PENDING' and b.pool_id in (
                            select p.id from tote.pools p where p.race_id = :race
                            union all select l.pool_id from tote.big5_legs l where l.race_id = :race))""")
                .param("race", raceId).query(Boolean.class).single();
    }

    private static List<Integer> numbers(Array array) throws SQLException {
        return Arrays.stream((Integer[]) array.getArray()).toList();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static Instant optionalInstant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }
}
