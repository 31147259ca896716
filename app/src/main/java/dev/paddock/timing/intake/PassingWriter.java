package dev.paddock.timing.intake;

import dev.paddock.shared.ProblemException;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The single writer of the timing lines' passings on this node. Request threads queue their reads; the writer takes
 * whatever is waiting (up to {@code batch-size} requests) and records the lot in one transaction, race by race in
 * race order ({@link Intake#record}, whose advisory locks keep the reads of one athlete judged one at a time across
 * nodes). Callers are answered only after the commit. A read sent twice (a retry, or the backup line) is judged
 * after the first in the same transaction and answered with its first verdict. If a batch fails, each request is
 * recorded again alone, so one bad request cannot sink its neighbours. One connection and one commit per batch: at
 * a marathon's finish a transaction per passing ran the pool dry.
 */
@Component
class PassingWriter implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PassingWriter.class);

    /** One caller's reads of one race, answered with their outcomes in the same order. */
    record Submission(UUID raceId, List<PassingRequest> reads, CompletableFuture<List<PassingOutcome>> answer) {
    }

    private final BlockingQueue<Submission> queue;
    private final int batchSize;
    private final Intake intake;
    private final TransactionTemplate transaction;
    private final DistributionSummary batchSizes;
    private volatile boolean running;
    private volatile boolean stopped;
    private Thread thread;

    PassingWriter(Intake intake, PlatformTransactionManager transactions, MeterRegistry meters,
            @Value("${paddock.timing.intake.queue-capacity:10000}") int queueCapacity,
            @Value("${paddock.timing.intake.batch-size:200}") int batchSize) {
        this.intake = intake;
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.batchSize = batchSize;
        this.transaction = new TransactionTemplate(transactions);
        this.batchSizes = DistributionSummary.builder("paddock.timing.intake.batch.size")
                .description("Passing requests written in one transaction").publishPercentiles(0.5, 0.99)
                .register(meters);
        meters.gauge("paddock.timing.intake.queue", queue, BlockingQueue::size);
    }

    /** The reads' outcomes once committed; 503 overloaded at once when too many wait. */
    CompletableFuture<List<PassingOutcome>> submit(UUID raceId, List<PassingRequest> reads) {
        Submission submission = new Submission(raceId, List.copyOf(reads), new CompletableFuture<>());
        if (stopped || !queue.offer(submission)) {
            submission.answer().completeExceptionally(overloaded("Too many passings are waiting to be written; "
                    + "nothing was stored. Send them again in a moment (the same ids count once)."));
        }
        return submission.answer();
    }

    private void run() {
        List<Submission> batch = new ArrayList<>(batchSize);
        while (running || !queue.isEmpty()) {
            try {
                Submission first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, batchSize - 1);
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.error("Passing writer failed on a batch of {}", batch.size(), e);
                batch.forEach(s -> s.answer().completeExceptionally(e));
            } finally {
                batch.clear();
            }
        }
    }

    /** One batch: its transaction, then its answers; alone again for each request if the batch fails. */
    void write(List<Submission> batch) {
        Map<Submission, List<PassingOutcome>> outcomes;
        try {
            outcomes = transaction.execute(status -> record(batch));
        } catch (RuntimeException e) {
            boolean noConnection = e instanceof CannotCreateTransactionException
                    || e instanceof CannotGetJdbcConnectionException;
            if (batch.size() > 1 && !noConnection) {
                batch.forEach(submission -> write(List.of(submission)));
                return;
            }
            batch.forEach(submission -> submission.answer().completeExceptionally(e));
            return;
        }
        batchSizes.record(batch.size());
        outcomes.forEach((submission, answered) -> submission.answer().complete(answered));
    }

    /** Race by race in race order, each race's reads in the order they came, split back per caller. */
    private Map<Submission, List<PassingOutcome>> record(List<Submission> batch) {
        Map<UUID, List<Submission>> byRace = new LinkedHashMap<>();
        batch.stream().sorted(Comparator.comparing(Submission::raceId))
                .forEach(s -> byRace.computeIfAbsent(s.raceId(), r -> new ArrayList<>()).add(s));
        Map<Submission, List<PassingOutcome>> outcomes = new LinkedHashMap<>();
        byRace.forEach((raceId, submissions) -> {
            List<PassingRequest> reads = submissions.stream().flatMap(s -> s.reads().stream()).toList();
            List<PassingOutcome> recorded = intake.record(raceId, reads);
            int from = 0;
            for (Submission submission : submissions) {
                outcomes.put(submission, recorded.subList(from, from + submission.reads().size()));
                from += submission.reads().size();
            }
        });
        return outcomes;
    }

    static ProblemException overloaded(String detail) {
        return ProblemException.of(HttpStatus.SERVICE_UNAVAILABLE, "overloaded", detail);
    }

    @Override
    public void start() {
        stopped = false;
        running = true;
        thread = Thread.ofPlatform().name("passing-writer").start(this::run);
    }

    /** Stops taking passings, then writes and answers those already queued before the database closes. */
    @Override
    public void stop() {
        stopped = true;
        running = false;
        if (thread != null) {
            try {
                thread.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
