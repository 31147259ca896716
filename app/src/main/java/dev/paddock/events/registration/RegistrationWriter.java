package dev.paddock.events.registration;

import dev.paddock.shared.ProblemException;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The writer of individual registrations (the opening rush's path). Request threads hand it checked
 * registrations through one bounded line ({@link WaitingRegistrations}); each of its {@code writers} threads takes
 * the oldest waiting of the buyers no other batch holds (up to {@code batch-size}) and writes the lot in one
 * transaction ({@link RegistrationBatch}), on a database connection of its own. Several batches are written at once
 * because a batch spends most of its time waiting for PostgreSQL's round trips, not computing; they never block
 * each other on a place, a bib or a wallet: places and bibs are claimed with {@code skip locked}, and a buyer's
 * wallet and requestIds are only ever in one batch at a time (wallets are still locked in one order, for the writers
 * of other nodes and the other ways of buying). A writer held up by the database holds up its batch's buyers only,
 * not a share of all buyers. Only after the commit is any caller answered, so a crash
 * mid-batch loses nothing that was acknowledged. If the batch's transaction fails, each of its registrations
 * goes again alone, so one bad entry cannot sink its neighbours; a registration that fails alone is answered
 * with its error and nothing of it is written. No wait is added to fill a batch: registrations arriving while
 * one commits form the next.
 */
@Component
class RegistrationWriter implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RegistrationWriter.class);
    /** Batches slower than this are logged as warnings; with DEBUG on, every batch is logged (its stages too). */
    private static final long SLOW_BATCH_NANOS = 250_000_000;

    private final WaitingRegistrations<RegistrationBatch.Candidate, UUID> waiting;
    private final int batchSize;
    private final RegistrationBatch batch;
    private final Checkout checkout;
    private final RecentAnswers recent;
    private final TransactionTemplate transaction;
    private final int writers;
    private final ThreadLocal<WriterConnection> connection;
    private final Clock clock;
    private final Timer batchTimer;
    private final DistributionSummary batchSizes;
    private volatile boolean running;
    /**
     * Set by {@link #stop}, cleared by {@link #start} (a test context is stopped while paused and started again):
     * while set, nothing is taken; before the first start, registrations wait in the queue.
     */
    private volatile boolean stopped;
    private final List<Thread> threads = new ArrayList<>();

    RegistrationWriter(RegistrationProperties properties, RegistrationBatch batch, Checkout checkout,
            RecentAnswers recent, PlatformTransactionManager transactions, Clock clock, MeterRegistry meters) {
        this.writers = properties.writers();
        this.waiting = new WaitingRegistrations<>(candidate -> candidate.entry().buyer().value(),
                properties.queueCapacity());
        this.batchSize = properties.batchSize();
        this.batch = batch;
        this.checkout = checkout;
        this.recent = recent;
        this.transaction = new TransactionTemplate(transactions);
        this.connection = ThreadLocal.withInitial(() -> new WriterConnection(transactions));
        this.clock = clock;
        this.batchTimer = Timer.builder("paddock.events.registration.batch")
                .description("Registration batches written (one transaction)").publishPercentiles(0.5, 0.99)
                .register(meters);
        this.batchSizes = DistributionSummary.builder("paddock.events.registration.batch.size")
                .description("Registrations per batch").publishPercentiles(0.5, 0.99).register(meters);
        meters.gauge("paddock.events.registration.queue", waiting, WaitingRegistrations::size);
    }

    /** Queues the registration for the writers; answered with 503 overloaded at once when the line is full. */
    CompletableFuture<RegistrationAnswer> submit(RegistrationBatch.Candidate candidate) {
        if (stopped || !waiting.offer(candidate)) {
            candidate.answer().completeExceptionally(new Overloaded());
        }
        return candidate.answer();
    }

    private void run() {
        while (running || !waiting.isEmpty()) {
            List<RegistrationBatch.Candidate> candidates = List.of();
            try {
                candidates = waiting.take(batchSize, 100, TimeUnit.MILLISECONDS);
                if (candidates.isEmpty()) {
                    connection.get().release();
                    continue;
                }
                hold();
                write(candidates);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.error("Registration writer failed on a batch of {}", candidates.size(), e);
                candidates.forEach(c -> c.answer().completeExceptionally(e));
            } finally {
                waiting.release(candidates);
            }
        }
        connection.get().release();
    }

    /** The writer's own connection for its batches; a wait for it (a pool emptied by request threads) is logged. */
    private void hold() {
        long started = System.nanoTime();
        try {
            connection.get().hold();
        } catch (RuntimeException noConnection) {
            // the batch's transaction asks the pool again and answers its callers with the failure
            log.warn("The registration writer found no database connection to hold ({})", noConnection.toString());
        }
        long waited = System.nanoTime() - started;
        if (waited > SLOW_BATCH_NANOS / 5) {
            log.warn("The registration writer waited {} ms for its database connection", waited / 1_000_000);
        }
    }

    /** One batch: its transaction, then its answers (the writer thread; tests compose batches through it). */
    void write(List<RegistrationBatch.Candidate> candidates) {
        RegistrationBatch.Written written;
        long started = System.nanoTime();
        try {
            boolean genericPlans = connection.get().genericPlans();
            written = transaction.execute(status -> batch.write(candidates, genericPlans));
        } catch (RuntimeException e) {
            // a broken connection is not used again: the pool checks it and replaces it
            connection.get().release();
            boolean noConnection = e instanceof CannotCreateTransactionException
                    || e instanceof CannotGetJdbcConnectionException;
            if (candidates.size() > 1 && !noConnection) {
                log.warn("A batch of {} registrations failed ({}); writing them one by one", candidates.size(),
                        e.toString());
                candidates.forEach(candidate -> write(List.of(candidate)));
                return;
            }
            // No connection within the pool's timeout: nothing was written, and one by one each would wait as
            // long again; every caller gets the error at once (the API answers it 503 overloaded, Retry-After).
            if (noConnection) {
                log.warn("A batch of {} registrations found no database connection ({})", candidates.size(),
                        e.toString());
            }
            RuntimeException error = e instanceof DuplicateKeyException duplicate ? Checkout.duplicate(duplicate) : e;
            candidates.forEach(candidate -> candidate.answer().completeExceptionally(error));
            return;
        }
        long took = System.nanoTime() - started;
        batchTimer.record(took, TimeUnit.NANOSECONDS);
        batchSizes.record(candidates.size());
        if (took > SLOW_BATCH_NANOS || log.isDebugEnabled()) {
            StringBuilder where = new StringBuilder();
            for (int s = 0; s < written.stages().length; s++) {
                where.append(RegistrationBatch.Written.STAGES.get(s)).append(' ')
                        .append(written.stages()[s] / 1_000_000).append(", ");
            }
            String line = "{} registration batch: {} in {} ms ({}commit {}), {} waiting";
            Object[] values = {took > SLOW_BATCH_NANOS ? "Slow" : "A", candidates.size(), took / 1_000_000, where,
                    (took - Arrays.stream(written.stages()).sum()) / 1_000_000, waiting.size()};
            if (took > SLOW_BATCH_NANOS) {
                log.warn(line, values);
            } else {
                log.debug(line, values);
            }
        }
        written.fullRaces().forEach(race -> checkout.markSoldOut(race, clock.instant()));
        answer(candidates, written.outcomes());
    }

    /**
     * Every caller of the batch, once it committed; a second candidate with the same requestId is answered like the
     * first. The answers are remembered for the callers' retries ({@link RecentAnswers}).
     */
    private void answer(List<RegistrationBatch.Candidate> candidates, Object[] outcomes) {
        Map<String, Integer> first = new HashMap<>();
        for (int i = 0; i < candidates.size(); i++) {
            RegistrationBatch.Candidate candidate = candidates.get(i);
            Integer earlier = first.putIfAbsent(candidate.key(), i);
            int f = earlier == null ? i : earlier;
            Object outcome = outcomes[f];
            if (f != i) {
                outcome = !candidates.get(f).fingerprint().equals(candidate.fingerprint()) ? Checkout.requestIdReused()
                        : outcome instanceof RegistrationAnswer done ? done.asReplay() : outcome;
            }
            switch (outcome) {
                case RegistrationAnswer done -> {
                    recent.remember(candidate.key(), candidate.fingerprint(), done);
                    candidate.answer().complete(done);
                }
                case RuntimeException refused -> candidate.answer().completeExceptionally(refused);
                case null, default -> candidate.answer().completeExceptionally(
                        new IllegalStateException("registration left undecided"));
            }
        }
    }

    @Override
    public void start() {
        stopped = false;
        running = true;
        for (int w = 0; w < writers; w++) {
            threads.add(Thread.ofPlatform().name("registration-writer-" + w).start(this::run));
        }
    }

    /** Stops taking registrations, then writes and answers those already queued before the database closes. */
    @Override
    public void stop() {
        stopped = true;
        running = false;
        try {
            for (Thread thread : threads) {
                thread.join(Duration.ofSeconds(10));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        threads.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** 503 with Retry-After: the queue is full (nothing stored), or the batch did not answer in time. */
    static final class Overloaded extends ProblemException {
        Overloaded() {
            this("Too many registrations are waiting to be written; nothing was stored. Retry in a moment with"
                    + " the same requestId.");
        }

        Overloaded(String detail) {
            super(HttpStatus.SERVICE_UNAVAILABLE, "overloaded", detail);
        }
    }
}
