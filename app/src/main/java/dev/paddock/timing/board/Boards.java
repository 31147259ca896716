package dev.paddock.timing.board;

import dev.paddock.events.RegistrationConfirmed;
import dev.paddock.events.StartlistRace;
import dev.paddock.events.Startlists;
import dev.paddock.live.LiveChannel;
import dev.paddock.shared.AfterCommit;
import dev.paddock.passings.Passing;
import dev.paddock.rankings.Status;
import dev.paddock.timing.PassingsCounted;
import dev.paddock.timing.course.Courses;
import dev.paddock.timing.course.RaceTiming;
import dev.paddock.timing.course.TimingChanged;
import dev.paddock.timing.intake.CountedPassings;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PreDestroy;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.context.event.EventListener;

/**
 * Every race's live results, in memory on each node. A results request reads the current {@link Snapshot}
 * and never waits for a computation. Changes committed on this node (passings, statuses, setup, new
 * entrants) mark the race's board stale at once; a tick recomputes stale boards, so rankings trail the
 * passings by at most a tick plus one computation. Every {@code reconcile} period each board reloads what
 * counts from the database, which also picks up changes committed on other nodes.
 */
@Component
public class Boards {

    private static final Logger log = LoggerFactory.getLogger(Boards.class);
    /** Live topics: {@code results:<raceId>} for ranking pages, {@code results:<raceId>:<bib>} for an athlete's followers. */
    public static final String RESULTS_TOPIC = "results:";
    /** A passing received this long before a look may have committed after it. */
    static final Duration LATE_COMMIT = Duration.ofMinutes(1);
    /** Start lists and statuses change rarely on other nodes: boards are reloaded whole this often at most. */
    static final Duration WHOLE_RELOAD = Duration.ofMinutes(2);

    private final Map<UUID, State> boards = new ConcurrentHashMap<>();
    private final JdbcClient jdbc;
    private final Courses courses;
    private final Startlists startlists;
    private final Clock clock;
    private final Timer lag;
    private final LiveChannel live;
    private final CountedPassings countedPassings;
    private final Duration tickEvery;
    private final ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("board-ticks").daemon().factory());
    private final AtomicBoolean ticking = new AtomicBoolean();

    Boards(JdbcClient jdbc, Courses courses, Startlists startlists, Clock clock, MeterRegistry meters, LiveChannel live,
            CountedPassings countedPassings, @Value("${paddock.timing.tick:200ms}") Duration tickEvery) {
        this.tickEvery = tickEvery;
        this.jdbc = jdbc;
        this.countedPassings = countedPassings;
        this.live = live;
        this.courses = courses;
        this.startlists = startlists;
        this.clock = clock;
        this.lag = Timer.builder("paddock.timing.rankings.lag")
                .description("From a committed change to the snapshot that includes it").register(meters);
    }

    /** The race's latest results, computed on first use; empty if the race has no timing set up. */
    public Optional<Snapshot> snapshot(UUID raceId) {
        State state = boards.get(raceId);
        if (state == null) {
            if (courses.find(raceId).isEmpty()) {
                return Optional.empty();
            }
            state = boards.computeIfAbsent(raceId, id -> new State());
        }
        Snapshot snapshot = state.snapshot;
        if (snapshot == null) {
            synchronized (state) {
                if (state.snapshot == null) {
                    load(raceId, state);
                    recompute(raceId, state, state.takeStale(), null);
                }
                snapshot = state.snapshot;
            }
        }
        return Optional.ofNullable(snapshot);
    }

    /** The race's latest results if its board is in memory already: never waits on the database or a computation. */
    public Optional<Snapshot> loaded(UUID raceId) {
        State state = boards.get(raceId);
        return state == null ? Optional.empty() : Optional.ofNullable(state.snapshot);
    }

    /*
     * Plain listeners deferred with AfterCommit rather than @TransactionalEventListener: Modulith would record a
     * publication for each and mark it completed in a new transaction while the committing one still holds its
     * connection, which starves the pool when many commit at once (an opening rush of registrations did). They
     * only mark the board and never take its lock: the committing request still holds its connection, and the
     * tick holding the lock may be waiting for a connection (at 100 passings/s the two waited for each other
     * until the pool's time-out).
     */

    /**
     * A race's first passings bring its board into memory from the next tick on, so that the first results request
     * does not wait for (and the first readers of a race at its peak do not queue behind) a whole start list's load.
     */
    @EventListener
    void on(PassingsCounted counted) {
        AfterCommit.run(() -> {
            State state = boards.computeIfAbsent(counted.raceId(), id -> new State());
            state.pendingBibs.addAll(counted.bibs());
            state.stale(clock.instant());
        });
    }

    @EventListener
    void on(TimingChanged changed) {
        AfterCommit.run(() -> reloadLater(changed.raceId()));
    }

    @EventListener
    void on(RegistrationConfirmed confirmed) {
        AfterCommit.run(() -> reloadLater(confirmed.raceId()));
    }

    private void reloadLater(UUID raceId) {
        State state = boards.get(raceId);
        if (state != null) {
            state.reload = true;
            state.stale(clock.instant());
        }
    }

    /**
     * Ticks on a platform thread of their own rather than a scheduled virtual thread: near capacity, thousands of
     * lookups' virtual threads queue for the carriers, and a tick queued behind them let rankings fall seconds
     * behind; the operating system shares the cores between this thread and the carriers instead.
     */
    @EventListener(ContextRefreshedEvent.class)
    void startTicks() {
        if (ticking.compareAndSet(false, true)) {
            ticks.scheduleWithFixedDelay(() -> {
                try {
                    tick();
                } catch (RuntimeException e) {
                    log.error("Tick of the race boards failed; next one in {}", tickEvery, e);
                }
            }, tickEvery.toMillis(), tickEvery.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @PreDestroy
    void stopTicks() {
        ticks.shutdownNow();
    }

    void tick() {
        boards.forEach((raceId, state) -> {
            if (state.isStale()) {
                synchronized (state) {
                    // taken first: whatever is marked from now on is for the next tick
                    Instant since = state.takeStale();
                    Instant taken = clock.instant();
                    Set<Integer> bibs = Set.copyOf(state.pendingBibs);
                    state.pendingBibs.removeAll(bibs);
                    if (state.reload || state.snapshot == null) {
                        state.reload = false;
                        load(raceId, state);
                    } else if (!bibs.isEmpty()) {
                        state.counted.putAll(countedPassings.of(raceId, bibs));
                    }
                    state.changedBibs.addAll(bibs);
                    recompute(raceId, state, since, taken);
                }
            } else if (state.unpushed) {
                synchronized (state) {
                    pushRanking(raceId, state, clock.instant());
                }
            }
        });
    }

    /**
     * Picks up changes committed on other nodes: the passings received since the last look (with a minute's margin
     * for transactions that committed late), re-read for their athletes only; a board whose setup changed, that
     * had corrections, or that was last loaded whole more than {@link #WHOLE_RELOAD} ago is reloaded whole
     * (start lists included) and recomputed only if it differs.
     */
    @Scheduled(fixedDelayString = "${paddock.timing.reconcile:15s}")
    void reconcile() {
        boards.forEach((raceId, state) -> {
            synchronized (state) {
                if (state.isStale() || state.race == null) {
                    return;
                }
                Instant started = clock.instant();
                Instant since = state.reconciledAt.minus(LATE_COMMIT);
                if (started.isAfter(state.loadedAt.plus(WHOLE_RELOAD)) || corrected(raceId, since)
                        || !courses.find(raceId).equals(Optional.ofNullable(state.timing))) {
                    reloadWhole(raceId, state);
                } else {
                    catchUp(raceId, state, since);
                }
                state.reconciledAt = started;
            }
        });
    }

    private void reloadWhole(UUID raceId, State state) {
        List<Object> before = state.contents();
        boolean whole = state.whole;
        load(raceId, state);
        if (!before.equals(state.contents())) {
            state.stale(clock.instant());
        } else {
            state.whole = whole;
        }
    }

    /** The athletes with passings received since {@code since}: their counted passings, if they differ. */
    private void catchUp(UUID raceId, State state, Instant since) {
        List<Integer> bibs = jdbc.sql("select distinct bib from timing.passings where race_id = :race and received_at >= :since")
                .param("race", raceId).param("since", Timestamp.from(since)).query(Integer.class).list();
        if (bibs.isEmpty()) {
            return;
        }
        countedPassings.of(raceId, bibs).forEach((bib, passings) -> {
            if (!Set.copyOf(passings).equals(Set.copyOf(state.counted.getOrDefault(bib, List.of())))) {
                state.counted.put(bib, passings);
                state.changedBibs.add(bib);
                state.stale(clock.instant());
            }
        });
    }

    private boolean corrected(UUID raceId, Instant since) {
        return jdbc.sql("select exists (select 1 from timing.corrections where race_id = :race and at >= :since)")
                .param("race", raceId).param("since", Timestamp.from(since)).query(Boolean.class).single();
    }

    private void load(UUID raceId, State state) {
        state.race = startlists.race(raceId).orElse(null);
        state.timing = courses.find(raceId).orElse(null);
        if (state.race == null || state.timing == null) {
            return;
        }
        state.starters = startlists.starters(raceId);
        state.counted = countedPassings.of(raceId);
        state.statuses = new HashMap<>();
        jdbc.sql("select bib, status from timing.statuses where race_id = :race").param("race", raceId)
                .query(rs -> {
                    state.statuses.put(rs.getInt("bib"), Status.valueOf(rs.getString("status")));
                });
        state.whole = true;
        state.loadedAt = clock.instant();
        state.reconciledAt = state.loadedAt;
    }

    /**
     * {@code since}: when the oldest change it includes was marked, or null; {@code taken}: when a tick took it, or
     * null. A snapshot more than a second behind is logged with where the time went: before the tick took the change
     * (ticks late or long), reading its passings, computing.
     */
    private void recompute(UUID raceId, State state, Instant since, Instant taken) {
        if (state.race == null || state.timing == null) {
            return;
        }
        Instant now = clock.instant();
        long behind = since == null ? 0 : Duration.between(since, now).toMillis();
        long version = state.snapshot == null ? 1 : state.snapshot.version() + 1;
        long started = System.nanoTime();
        state.snapshot = RaceBoard.compute(state.race, state.timing, state.starters, state.counted, state.statuses,
                version, now, behind, state.whole ? null : state.snapshot, Set.copyOf(state.changedBibs));
        state.whole = false;
        if (since != null) {
            Instant done = clock.instant();
            lag.record(Duration.between(since, done));
            if (taken != null && Duration.between(since, done).toMillis() > 1000) {
                log.warn("Rankings of race {} were {} ms behind: {} ms before a tick took the change, {} ms reading its "
                        + "passings, {} ms computing", raceId, Duration.between(since, done).toMillis(),
                        Duration.between(since, taken).toMillis(), Duration.between(taken, now).toMillis(),
                        Duration.between(now, done).toMillis());
            }
        }
        push(raceId, state, now);
        long millis = (System.nanoTime() - started) / 1_000_000;
        if (millis > 500) {
            log.warn("Rankings of race {} took {} ms for {} starters", raceId, millis, state.starters.size());
        }
    }

    /**
     * Tells open pages: a race's followers of each changed athlete at once, the race's ranking pages at most
     * once a second (they re-fetch, and a ranking page is the same for everyone).
     */
    private void push(UUID raceId, State state, Instant now) {
        long version = state.snapshot.version();
        for (Integer bib : state.changedBibs) {
            live.toTopic(RESULTS_TOPIC + raceId + ":" + bib, "athlete", Map.of("bib", bib, "version", version));
        }
        state.changedBibs.clear();
        state.unpushed = true;
        pushRanking(raceId, state, now);
    }

    private void pushRanking(UUID raceId, State state, Instant now) {
        if (state.unpushed && (state.pushedAt == null || Duration.between(state.pushedAt, now).toMillis() >= 1000)) {
            live.toTopic(RESULTS_TOPIC + raceId, "results", Map.of("version", state.snapshot.version()));
            state.pushedAt = now;
            state.unpushed = false;
        }
    }

    private static final class State {
        StartlistRace race;
        RaceTiming timing;
        List<dev.paddock.events.Starter> starters = List.of();
        Map<Integer, List<Passing>> counted = new HashMap<>();
        Map<Integer, Status> statuses = new HashMap<>();
        volatile boolean reload;
        /** The next computation starts from scratch: what it reads was loaded anew, not only changed bibs. */
        boolean whole = true;
        Instant loadedAt = Instant.EPOCH;
        Instant reconciledAt = Instant.EPOCH;
        final AtomicReference<Instant> staleSince = new AtomicReference<>();
        Instant pushedAt;
        volatile boolean unpushed;
        final Set<Integer> changedBibs = new java.util.HashSet<>();
        /** Bibs marked by committed passings, taken by the next tick; written without the board's lock. */
        final Set<Integer> pendingBibs = ConcurrentHashMap.newKeySet();
        volatile Snapshot snapshot;

        /** What the snapshot is computed from, comparable between two loads. */
        List<Object> contents() {
            Map<Integer, Set<Passing>> reads = new HashMap<>();
            counted.forEach((bib, list) -> {
                if (!list.isEmpty()) {
                    reads.put(bib, Set.copyOf(list));
                }
            });
            return List.of(String.valueOf(timing), starters, reads, Map.copyOf(statuses));
        }

        /** Not on the board's lock: marking must never wait for a computation. */
        void stale(Instant at) {
            staleSince.compareAndSet(null, at);
        }

        /** When the board was first marked stale since the last take, or null; it is no longer stale after. */
        Instant takeStale() {
            return staleSince.getAndSet(null);
        }

        boolean isStale() {
            return staleSince.get() != null;
        }
    }
}
