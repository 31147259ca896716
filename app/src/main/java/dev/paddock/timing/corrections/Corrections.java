package dev.paddock.timing.corrections;

import dev.paddock.shared.ProblemException;
import dev.paddock.timing.course.TimingChanged;
import dev.paddock.timing.intake.Intake;
import dev.paddock.timing.intake.PassingOutcome;
import dev.paddock.timing.intake.PassingRequest;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The timing operator's manual changes. Each is written with who made it and why in
 * {@code timing.corrections}, in the same transaction as the change, and refreshes the race's rankings.
 */
@Service
public class Corrections {

    private final JdbcClient jdbc;
    private final Intake intake;
    private final ApplicationEventPublisher events;
    private final JsonMapper json;
    private final Clock clock;

    Corrections(JdbcClient jdbc, Intake intake, ApplicationEventPublisher events, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.intake = intake;
        this.events = events;
        this.json = json;
        this.clock = clock;
    }

    public enum ManualStatus {
        DNS, DNF, DSQ, NOT_CLASSIFIED
    }

    /** Sets an athlete's status, or clears it with null (the athlete is then judged by their reads again). */
    @Transactional
    public void status(UUID raceId, int bib, ManualStatus status, String reason, UUID actor) {
        String before = jdbc.sql("select status from timing.statuses where race_id = ? and bib = ? for update")
                .params(raceId, bib).query(String.class).optional().orElse(null);
        if (status == null) {
            jdbc.sql("delete from timing.statuses where race_id = ? and bib = ?").params(raceId, bib).update();
        } else {
            jdbc.sql("""
                    insert into timing.statuses (race_id, bib, status) values (?, ?, ?)
                    on conflict (race_id, bib) do update set status = excluded.status""")
                    .params(raceId, bib, status.name()).update();
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("before", before);
        details.put("after", status == null ? null : status.name());
        record(raceId, bib, status == null ? "STATUS_CLEARED" : "STATUS_SET", details, reason, actor);
    }

    /** A crossing the lines missed, entered by hand from a video or a marshal's sheet. */
    @Transactional
    public PassingOutcome add(UUID raceId, int bib, String point, Instant at, String reason, UUID actor) {
        PassingOutcome outcome = intake.record(raceId, List.of(new PassingRequest("manual-" + UUID.randomUUID(), bib,
                point, at, PassingRequest.Line.MANUAL))).getFirst();
        record(raceId, bib, "PASSING_ADDED", Map.of("point", point, "at", at.toString(), "verdict", outcome.verdict()),
                reason, actor);
        return outcome;
    }

    /** Makes a counted read stop counting. */
    @Transactional
    public void discard(UUID raceId, long passingId, String reason, UUID actor) {
        Read read = read(raceId, passingId);
        if (!read.verdict.equals("COUNTED")) {
            throw ProblemException.of(HttpStatus.CONFLICT, "not-counted", "Only a counted read can be discarded");
        }
        jdbc.sql("update timing.passings set verdict = 'REJECTED', reason = 'MANUAL', detail = :why where id = :id")
                .param("why", "Discarded: " + reason).param("id", passingId).update();
        record(raceId, read.bib, "PASSING_DISCARDED", Map.of("passing", passingId, "point", read.point), reason, actor);
    }

    /**
     * Makes a read count that the judge set aside (implausible, a duplicate, before the start); a read that
     * counted for the same point (not on a lap line) stops counting.
     */
    @Transactional
    public void count(UUID raceId, long passingId, String reason, UUID actor) {
        Read read = read(raceId, passingId);
        if (read.verdict.equals("COUNTED") || read.verdict.equals("UNKNOWN_BIB")) {
            throw ProblemException.of(HttpStatus.CONFLICT, "cannot-count",
                    read.verdict.equals("COUNTED") ? "This read already counts" : "This bib is not on the start list");
        }
        jdbc.sql("""
                update timing.passings set verdict = 'REPLACED', detail = 'Replaced by a read counted by hand'
                where race_id = :race and bib = :bib and point = :point and verdict = 'COUNTED'
                  and not exists (select 1 from timing.points p where p.race_id = :race and p.code = :point and p.kind = 'LAP')""")
                .param("race", raceId).param("bib", read.bib).param("point", read.point).update();
        jdbc.sql("update timing.passings set verdict = 'COUNTED', reason = null, detail = :why where id = :id")
                .param("why", "Counted by hand: " + reason).param("id", passingId).update();
        record(raceId, read.bib, "PASSING_COUNTED", Map.of("passing", passingId, "point", read.point), reason, actor);
    }

    private Read read(UUID raceId, long passingId) {
        return jdbc.sql("select bib, point, verdict from timing.passings where id = ? and race_id = ? for update")
                .params(passingId, raceId)
                .query((rs, n) -> new Read(rs.getInt("bib"), rs.getString("point"), rs.getString("verdict")))
                .optional().orElseThrow(() -> ProblemException.of(HttpStatus.NOT_FOUND, "not-found", "No such read"));
    }

    private void record(UUID raceId, int bib, String kind, Map<String, Object> details, String reason, UUID actor) {
        jdbc.sql("""
                insert into timing.corrections (race_id, bib, kind, details, by_account, reason, at)
                values (?, ?, ?, cast(? as jsonb), ?, ?, ?)""")
                .params(raceId, bib, kind, json.writeValueAsString(details), actor, reason, Timestamp.from(clock.instant()))
                .update();
        events.publishEvent(new TimingChanged(raceId));
    }

    private record Read(int bib, String point, String verdict) {
    }
}
