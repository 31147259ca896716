package dev.paddock.timing.intake;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import dev.paddock.events.RegistrationConfirmed;
import dev.paddock.events.Starter;
import dev.paddock.events.Startlists;
import dev.paddock.passings.Passing;
import dev.paddock.passings.PassingJudge;
import dev.paddock.passings.Verdict;
import dev.paddock.shared.AfterCommit;
import dev.paddock.shared.ProblemException;
import dev.paddock.timing.PassingsCounted;
import dev.paddock.timing.course.Courses;
import dev.paddock.timing.course.RaceTiming;
import dev.paddock.timing.course.TimingChanged;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.context.event.EventListener;

/**
 * Takes passings in: every read is stored once per (line, id) with its verdict, in one transaction per
 * batch. Reads of one athlete are judged one at a time (a transaction-scoped advisory lock per race and bib,
 * taken in bib order), so the main and backup lines sending the same crossing at the same moment still
 * count it once.
 */
@Service
public class Intake {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final CountedPassings countedPassings;
    /** Bibs of each race's start list; a bib registered moments ago may read as unknown for this long. */
    private final LoadingCache<UUID, Set<Integer>> bibs;
    /**
     * Each race's timing setup, read once a second at most: a batch of passings used to read it (three queries)
     * per request. A change made on this node drops it at commit; one made on another node is seen within the second.
     */
    private final LoadingCache<UUID, Optional<RaceTiming>> setups;

    Intake(JdbcClient jdbc, Courses courses, Startlists startlists, ApplicationEventPublisher events, Clock clock,
            CountedPassings countedPassings) {
        this.jdbc = jdbc;
        this.countedPassings = countedPassings;
        this.events = events;
        this.clock = clock;
        // refreshed in the background: a reading never waits for a 14,000-athlete start list to load (but the first)
        this.bibs = Caffeine.newBuilder().refreshAfterWrite(Duration.ofSeconds(5))
                .expireAfterAccess(Duration.ofMinutes(10)).maximumSize(1_000)
                .build(race -> startlists.starters(race).stream().map(Starter::bib).collect(Collectors.toUnmodifiableSet()));
        this.setups = Caffeine.newBuilder().expireAfterWrite(Duration.ofSeconds(1)).maximumSize(1_000)
                .build(courses::find);
    }

    @Transactional
    public List<PassingOutcome> record(UUID raceId, List<PassingRequest> reads) {
        RaceTiming timing = setups.get(raceId).orElseThrow(() -> ProblemException.of(HttpStatus.NOT_FOUND,
                "not-found", "This race has no timing set up"));
        Set<Integer> known = bibs.get(raceId);
        lock(raceId, reads.stream().map(PassingRequest::bib).distinct().sorted().toList());
        Instant received = clock.instant();
        List<PassingOutcome> outcomes = new ArrayList<>(reads.size());
        Set<Integer> changed = new HashSet<>();
        for (PassingRequest read : reads) {
            Optional<PassingOutcome> stored = stored(raceId, read);
            if (stored.isPresent()) {
                outcomes.add(stored.get());
                continue;
            }
            PassingOutcome outcome = known.contains(read.bib())
                    ? judge(timing, read, received)
                    : insert(raceId, read, received, "UNKNOWN_BIB", null, "Bib " + read.bib() + " is not on the start list");
            if (outcome.verdict().equals("COUNTED")) {
                changed.add(read.bib());
            }
            outcomes.add(outcome);
        }
        if (!changed.isEmpty()) {
            events.publishEvent(new PassingsCounted(raceId, changed));
        }
        return outcomes;
    }

    private PassingOutcome judge(RaceTiming timing, PassingRequest read, Instant received) {
        UUID raceId = timing.raceId();
        Instant start = timing.startOf(read.bib());
        if (start == null) {
            return insert(raceId, read, received, "REJECTED", "BEFORE_START", "No start signal has been given yet");
        }
        List<Passing> counted = countedPassings.of(raceId, read.bib());
        Passing passing = new Passing("new", String.valueOf(read.bib()), read.point(), read.at().toEpochMilli(),
                read.line() == PassingRequest.Line.BACKUP ? Passing.Line.BACKUP : Passing.Line.MAIN);
        Verdict verdict = PassingJudge.judge(timing.course(), start.toEpochMilli(), counted, passing);
        return switch (verdict) {
            case Verdict.Accepted accepted -> insert(raceId, read, received, "COUNTED", null, null);
            case Verdict.Replaces replaces -> {
                jdbc.sql("update timing.passings set verdict = 'REPLACED', detail = 'An earlier read of the same crossing counts' where id = :id")
                        .param("id", Long.parseLong(replaces.replaced().id())).update();
                yield insert(raceId, read, received, "COUNTED", null, null);
            }
            case Verdict.Duplicate duplicate -> insert(raceId, read, received, "DUPLICATE", null,
                    "Same crossing as read #" + duplicate.of().id());
            case Verdict.Rejected rejected -> insert(raceId, read, received, "REJECTED", rejected.reason().name(),
                    rejected.detail());
        };
    }

    private Optional<PassingOutcome> stored(UUID raceId, PassingRequest read) {
        return jdbc.sql("""
                select bib, verdict, reason, detail from timing.passings
                where race_id = :race and line = :line and source_id = :id""")
                .param("race", raceId).param("line", read.line().name()).param("id", read.id())
                .query((rs, n) -> new PassingOutcome(read.id(), rs.getInt("bib"), rs.getString("verdict"),
                        rs.getString("reason"), rs.getString("detail"), true))
                .optional();
    }

    private PassingOutcome insert(UUID raceId, PassingRequest read, Instant received, String verdict, String reason,
            String detail) {
        jdbc.sql("""
                insert into timing.passings (race_id, line, source_id, bib, point, at, received_at, verdict, reason, detail)
                values (:race, :line, :id, :bib, :point, :at, :received, :verdict, :reason, :detail)""")
                .param("race", raceId).param("line", read.line().name()).param("id", read.id())
                .param("bib", read.bib()).param("point", read.point()).param("at", Timestamp.from(read.at()))
                .param("received", Timestamp.from(received)).param("verdict", verdict).param("reason", reason)
                .param("detail", detail).update();
        return new PassingOutcome(read.id(), read.bib(), verdict, reason, detail, false);
    }

    /** The athletes' locks in one statement, in the order given (bib order: two batches never wait on each other). */
    private void lock(UUID raceId, List<Integer> bibs) {
        String[] keys = bibs.stream().map(bib -> raceId + ":" + bib).toArray(String[]::new);
        jdbc.sql("""
                select pg_advisory_xact_lock(hashtextextended(key, 0))
                from unnest(cast(:keys as text[])) with ordinality as k(key, n) order by n""")
                .param("keys", keys).query().listOfRows();
    }

    /**
     * A new entrant of a race: its bib must not read as unknown until the cache expires. A plain listener
     * deferred to after commit (see {@code Boards} for why not {@code @TransactionalEventListener}).
     */
    @EventListener
    void on(RegistrationConfirmed confirmed) {
        AfterCommit.run(() -> bibs.invalidate(confirmed.raceId()));
    }

    /** A setup changed or a start fired on this node: read again from the next reading on. */
    @EventListener
    void on(TimingChanged changed) {
        AfterCommit.run(() -> setups.invalidate(changed.raceId()));
    }
}
