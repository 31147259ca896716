package dev.paddock.tote.settlement;

import dev.paddock.live.LiveChannel;
import dev.paddock.shared.ProblemException;
import dev.paddock.tote.DividendsPublished;
import dev.paddock.tote.RaceStatus;
import dev.paddock.tote.programme.ProgrammeDesk;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Settles a race: its own pools (together: one payment per account for the race), then the race moves to SETTLED
 * with {@link DividendsPublished} in one transaction; a cancelled race's pools are refunded instead. Then every
 * Big 5 the race is a leg of is settled once all its legs are official or cancelled. Safe to call again, from
 * any node, at any point: what is paid stays paid, what is not gets paid.
 */
@Service
class RaceSettlements {

    private static final Logger log = LoggerFactory.getLogger(RaceSettlements.class);
    private static final Set<RaceStatus> DONE = EnumSet.of(RaceStatus.RESULT_OFFICIAL, RaceStatus.SETTLED,
            RaceStatus.CANCELLED);

    private final SettlementStore store;
    private final PoolSettlements settlements;
    private final PoolSettler settler;
    private final ProgrammeDesk desk;
    private final LiveChannel live;
    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Semaphore parallelPools;

    RaceSettlements(SettlementStore store, PoolSettlements settlements, PoolSettler settler, ProgrammeDesk desk,
            LiveChannel live, ApplicationEventPublisher events, JdbcClient jdbc, PlatformTransactionManager transactions,
            Clock clock, SettlementProperties properties) {
        this.store = store;
        this.settlements = settlements;
        this.settler = settler;
        this.desk = desk;
        this.live = live;
        this.events = events;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        this.parallelPools = new Semaphore(properties.parallelPools());
    }

    /** Whether the race can be settled now: its result is official (or it is settled, or cancelled for good). */
    RaceStatus settleable(UUID raceId) {
        RaceStatus status = store.status(raceId).orElseThrow(() -> ProblemException.of(HttpStatus.NOT_FOUND,
                "not-found", "There is no race " + raceId + "."));
        if (!DONE.contains(status)) {
            throw ProblemException.of(HttpStatus.CONFLICT, "race-not-official",
                    "The race is " + status + ": only a race with an official result, or cancelled, is settled.");
        }
        return status;
    }

    void settle(UUID raceId) {
        long start = System.nanoTime();
        RaceStatus status = settleable(raceId);
        List<PoolRow> pools = store.ownPools(raceId);
        parallelPools.acquireUninterruptibly();
        try {
            settler.settleTogether(raceId, pools);
        } finally {
            parallelPools.release();
        }
        if (status == RaceStatus.RESULT_OFFICIAL) {
            finish(raceId, pools);
        }
        log.info("Race {} settled: {} pools computed and paid in {} ms", raceId, pools.size(),
                (System.nanoTime() - start) / 1_000_000);
        live.toTopic("race:" + raceId, "dividends", Map.of("raceId", raceId));
        for (PoolRow big5 : store.big5PoolsOf(raceId)) {
            if (DONE.containsAll(store.statuses(big5.races()).values())) {
                limited(big5, raceId);
            }
        }
    }

    /**
     * At most {@code parallel-pools} settlements (a race's own pools, or a Big 5) run at once on this node: each
     * holds pooled connections (its lock's, and its work's: one per parallel chunk), and the pool of connections is
     * shared.
     */
    private void limited(PoolRow pool, UUID raceId) {
        parallelPools.acquireUninterruptibly();
        try {
            settler.settle(pool, raceId);
        } finally {
            parallelPools.release();
        }
    }

    /** Every own pool is paid: the race is SETTLED and its dividends published, once, whoever gets here first. */
    private void finish(UUID raceId, List<PoolRow> pools) {
        transaction.executeWithoutResult(status -> {
            jdbc.sql("select pg_advisory_xact_lock(:key)")
                    .param("key", raceId.getMostSignificantBits() ^ raceId.getLeastSignificantBits())
                    .query(Object.class).single();
            if (store.status(raceId).orElseThrow() != RaceStatus.RESULT_OFFICIAL) {
                return;
            }
            desk.transition(raceId, RaceStatus.SETTLED);
            events.publishEvent(new DividendsPublished(raceId, pools.stream().map(settlements::published).toList(),
                    clock.instant().truncatedTo(ChronoUnit.MICROS)));
        });
    }
}
