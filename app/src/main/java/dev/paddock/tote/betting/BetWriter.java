package dev.paddock.tote.betting;

import dev.paddock.identity.AccountId;
import dev.paddock.shared.ProblemException;
import dev.paddock.tote.BetAccepted;
import dev.paddock.wallet.BatchDebit;
import dev.paddock.wallet.DebitOutcome;
import dev.paddock.wallet.IdempotencyKey;
import dev.paddock.wallet.Purpose;
import dev.paddock.wallet.Wallets;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The writers of bets and pool totals. Requests hand their checked tickets to the writer of their account
 * ({@code writers} of them, each with its bounded queue and its thread); a writer takes whatever is waiting (up
 * to {@code batch-size}) and makes the lot durable in one transaction: lock the races for share and keep only the bets whose races are all OPEN (the stop-signal
 * rule), store the tickets (claiming each request id), debit the stakes with one wallet batch, append the
 * stakes aggregated per combination as one pool-total change, publish {@link BetAccepted}. Only after the commit
 * is any caller answered. Cancellations go through the same queue, so they are ordered with bets and with
 * the close. No wait is added to fill a batch: bets arriving while one commits form the next.
 * <p>
 * One writer would use one PostgreSQL backend at a time and idle during each of its round trips and commits;
 * several overlap them. An account always goes to the same writer, so its bets, request ids, weekly limit,
 * wallet row and cancellations stay with one thread, in order. The writers share only the race rows (share
 * locks, which do not conflict): a batch appends its stakes per combination as one pool-total change, which
 * {@link PoolTotalsKeeper} folds into the totals later, so no writer waits for another on a hot combination.
 * <p>
 * With the remote wallet ({@code wallet: remote}) the batch stores the bets PENDING instead and debits
 * nothing; once it commits, {@link StakeSaga} debits them over HTTP and accepts or refuses them in a second
 * transaction, and only then are the callers answered.
 */
@Component
class BetWriter implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(BetWriter.class);
    static final Duration WEEK = Duration.ofDays(7);
    private static final long SLOW_BATCH_NANOS = 250_000_000;

    sealed interface Command permits Place, Cancel {
    }

    /** @param queued {@link System#nanoTime()} when it was handed to the writer */
    record Place(Ticket ticket, CompletableFuture<BetOutcome> answer, long queued) implements Command {
    }

    record Cancel(AccountId account, UUID betId, CompletableFuture<BetOutcome> answer) implements Command {
    }

    private final List<BlockingQueue<Command>> queues = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final int batchSize;
    private final BetStore store;
    private final PoolBook book;
    private final Wallets wallets;
    private final StakeSaga saga;
    private final Cancellations cancellations;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Timer batchTimer;
    private final DistributionSummary batchSizes;
    /** Sagas (remote wallet) in flight at once, and their threads. */
    private final int maxSagas;
    private final Semaphore sagas;
    private final ExecutorService sagaThreads = Executors.newVirtualThreadPerTaskExecutor();
    private volatile boolean running;

    /** @param saga present in the remote wallet mode only */
    BetWriter(BettingProperties properties, BetStore store, PoolBook book, Wallets wallets, Optional<StakeSaga> saga,
            Cancellations cancellations, ApplicationEventPublisher events, PlatformTransactionManager transactions,
            Clock clock, MeterRegistry meters) {
        for (int w = 0; w < properties.writers(); w++) {
            queues.add(new ArrayBlockingQueue<>(Math.max(1, properties.queueCapacity() / properties.writers())));
        }
        this.batchSize = properties.batchSize();
        this.maxSagas = properties.remoteWallet().maxSagas();
        this.sagas = new Semaphore(maxSagas);
        this.store = store;
        this.book = book;
        this.wallets = wallets;
        this.saga = saga.orElse(null);
        this.cancellations = cancellations;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        this.batchTimer = Timer.builder("paddock.tote.bet.batch").description("Bet batches made durable (one transaction)")
                .publishPercentiles(0.5, 0.99).register(meters);
        this.batchSizes = DistributionSummary.builder("paddock.tote.bet.batch.size").description("Bets per batch")
                .publishPercentiles(0.5, 0.99).register(meters);
        meters.gauge("paddock.tote.bet.queue", queues, q -> q.stream().mapToInt(BlockingQueue::size).sum());
    }

    CompletableFuture<BetOutcome> place(Ticket ticket) {
        return submit(new Place(ticket, new CompletableFuture<>(), System.nanoTime()));
    }

    CompletableFuture<BetOutcome> cancel(AccountId account, UUID betId) {
        return submit(new Cancel(account, betId, new CompletableFuture<>()));
    }

    private CompletableFuture<BetOutcome> submit(Command command) {
        CompletableFuture<BetOutcome> answer = switch (command) {
            case Place place -> place.answer();
            case Cancel cancel -> cancel.answer();
        };
        AccountId account = switch (command) {
            case Place place -> place.ticket().account();
            case Cancel cancel -> cancel.account();
        };
        if (!running || !queues.get(Math.floorMod(account.hashCode(), queues.size())).offer(command)) {
            answer.completeExceptionally(new Overloaded());
        }
        return answer;
    }

    private void run(BlockingQueue<Command> queue) {
        Stages stages = new Stages(queue);
        List<Command> commands = new ArrayList<>(batchSize);
        while (running || !queue.isEmpty()) {
            try {
                Command first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                commands.add(first);
                queue.drainTo(commands, batchSize - 1);
                process(commands, stages);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.error("Bet writer failed on a batch of {}", commands.size(), e);
                commands.forEach(c -> fail(c, e));
            } finally {
                commands.clear();
            }
        }
    }

    /** Runs of bets go in one transaction each; a cancellation in its own, in arrival order. */
    private void process(List<Command> commands, Stages stages) {
        List<Place> run = new ArrayList<>();
        for (Command command : commands) {
            switch (command) {
                case Place place -> run.add(place);
                case Cancel cancel -> {
                    placeAll(run, stages);
                    run = new ArrayList<>();
                    cancel(cancel);
                }
            }
        }
        placeAll(run, stages);
    }

    private void placeAll(List<Place> places, Stages stages) {
        if (places.isEmpty()) {
            return;
        }
        Decided decided;
        long started = System.nanoTime();
        try {
            decided = transaction.execute(status -> decide(places, stages.took));
            long took = System.nanoTime() - started;
            batchTimer.record(took, TimeUnit.NANOSECONDS);
            batchSizes.record(places.size());
            if (took > SLOW_BATCH_NANOS) {
                log.warn("Slow bet batch: {} bets in {} ms (races {}, bets {}, debits {}, events {}, totals {}, commit {}),"
                        + " {} waiting", places.size(), took / 1_000_000, stages.ms(0), stages.ms(1), stages.ms(2),
                        stages.ms(3), stages.ms(4), stages.commitMs(took), stages.queue.size());
            } else if (log.isDebugEnabled()) {
                log.debug("Bet batch: {} bets in {} us, oldest queued {} us (races {}, bets {}, debits {}, events {},"
                        + " totals {}, commit {} us), {} waiting", places.size(), took / 1_000,
                        (started - places.getFirst().queued()) / 1_000, stages.us(0), stages.us(1), stages.us(2),
                        stages.us(3), stages.us(4), stages.commitUs(took), stages.queue.size());
            }
        } catch (RuntimeException e) {
            if (places.size() == 1) {
                log.error("A bet could not be stored", e);
                places.getFirst().answer().completeExceptionally(e);
                return;
            }
            // One bad ticket must not sink its neighbours: each goes again alone.
            log.warn("A batch of {} bets failed ({}); storing them one by one", places.size(), e.toString());
            places.forEach(place -> placeAll(List.of(place), stages));
            return;
        }
        decided.accepted().forEach((pool, cents) -> book.add(pool.poolId(), pool.key(), cents));
        if (decided.pending().isEmpty()) {
            answer(places, decided, null);
            return;
        }
        // Remote wallet: the saga of this batch (debits over HTTP, then its second transaction) runs on its own
        // thread, so the writer stores the next batches PENDING meanwhile instead of idling for the round trip.
        // Nothing else depends on the order: every status change of the saga is conditional, and the weekly
        // limit check counts PENDING stakes. At most max-sagas run at once; past that the writer waits here, so
        // the queue fills and the door sheds load, as when it was serial.
        if (!sagas.tryAcquire()) {
            long waited = System.nanoTime();
            sagas.acquireUninterruptibly();
            log.debug("Bet writer waited {} us for a saga", (System.nanoTime() - waited) / 1_000);
        }
        try {
            sagaThreads.execute(() -> {
                try {
                    settle(places, decided);
                } finally {
                    sagas.release();
                }
            });
        } catch (RuntimeException e) {
            sagas.release();
            throw e;
        }
    }

    private void settle(List<Place> places, Decided decided) {
        BetOutcome[] outcomes = decided.outcomes();
        RuntimeException unsettled = null;
        try {
            Map<UUID, BetOutcome> settled = saga.settle(decided.pending());
            for (int i = 0; i < outcomes.length; i++) {
                if (outcomes[i] == null) {
                    outcomes[i] = settled.get(places.get(i).ticket().betId());
                }
            }
        } catch (RuntimeException e) {
            // the bets stay PENDING, durably: the recovery job completes or compensates them
            log.error("The debits of {} pending bets could not be settled", decided.pending().size(), e);
            unsettled = e;
        }
        answer(places, decided, unsettled);
    }

    /** Every caller of the batch, once its bets are decided (a bet left PENDING gets {@code unsettled}). */
    private static void answer(List<Place> places, Decided decided, RuntimeException unsettled) {
        BetOutcome[] outcomes = decided.outcomes();
        answerDuplicates(places, decided.firstOfRequest(), outcomes);
        for (int i = 0; i < places.size(); i++) {
            if (outcomes[i] == null) {
                places.get(i).answer().completeExceptionally(unsettled != null ? unsettled
                        : new IllegalStateException("bet left undecided"));
            } else {
                places.get(i).answer().complete(outcomes[i]);
            }
        }
    }

    /**
     * @param outcomes       per place; null for a bet left PENDING and for a duplicate in the batch
     * @param pending        the bets stored PENDING, for the saga (remote wallet only)
     * @param firstOfRequest the first place of each (account, request id) in the batch
     */
    private record Decided(BetOutcome[] outcomes, Map<BetStore.PoolCombination, Long> accepted,
            List<StakeSaga.Stake> pending, Map<String, Integer> firstOfRequest) {
    }

    /** A duplicate in the same batch is answered like its first, once the first is decided. */
    private static void answerDuplicates(List<Place> places, Map<String, Integer> firstOfRequest,
            BetOutcome[] outcomes) {
        for (int i = 0; i < outcomes.length; i++) {
            if (outcomes[i] == null) {
                Ticket ticket = places.get(i).ticket();
                int first = firstOfRequest.get(ticket.account() + "|" + ticket.requestId());
                if (outcomes[first] == null) {
                    continue;
                }
                outcomes[i] = places.get(first).ticket().fingerprint().equals(ticket.fingerprint())
                        ? outcomes[first].asReplay() : BetOutcome.refused("request-id-reused");
            }
        }
    }

    /** A writer's queue, and where its last batch spent its time, for the slow-batch warning (its thread only). */
    private record Stages(BlockingQueue<Command> queue, long[] took) {

        Stages(BlockingQueue<Command> queue) {
            this(queue, new long[5]);
        }

        long ms(int stage) {
            return took[stage] / 1_000_000;
        }

        long us(int stage) {
            return took[stage] / 1_000;
        }

        long commitMs(long total) {
            return commitUs(total) / 1_000;
        }

        long commitUs(long total) {
            long rest = total;
            for (long stage : took) {
                rest -= stage;
            }
            return rest / 1_000;
        }
    }

    private Decided decide(List<Place> places, long[] stages) {
        long t0 = System.nanoTime();
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        int n = places.size();
        BetOutcome[] outcomes = new BetOutcome[n];
        Set<UUID> raceIds = new HashSet<>();
        places.forEach(place -> raceIds.addAll(place.ticket().raceIds()));
        // numbered once the races are locked: a batch that saw a race open is numbered before its close
        // commits, one that saw it closed after, whichever writer took it
        BetStore.Locked locked = store.lockRacesAndNumber(raceIds);
        Map<UUID, String> races = locked.races();
        long batch = locked.batch();
        stages[0] = System.nanoTime() - t0;

        // one ticket per (account, request id) goes on; a duplicate in the same batch is answered like it
        Map<String, Integer> firstOfRequest = new HashMap<>();
        List<Integer> fresh = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Ticket ticket = places.get(i).ticket();
            if (firstOfRequest.putIfAbsent(ticket.account() + "|" + ticket.requestId(), i) == null) {
                fresh.add(i);
            }
        }
        Map<AccountId, Long> staked = weeklyStakes(places, fresh, at);

        List<Ticket> tickets = new ArrayList<>(fresh.size());
        List<BetStatus> statuses = new ArrayList<>(fresh.size());
        List<String> refusals = new ArrayList<>(fresh.size());
        for (int i : fresh) {
            Ticket ticket = places.get(i).ticket();
            String refusal = null;
            if (!ticket.raceIds().stream().allMatch(race -> "OPEN".equals(races.get(race)))) {
                refusal = "race-closed";
            } else if (ticket.weeklyStakeLimit() != null) {
                long after = staked.getOrDefault(ticket.account(), 0L) + ticket.totalStake().cents();
                if (after > ticket.weeklyStakeLimit().cents()) {
                    refusal = "weekly-stake-limit";
                } else {
                    staked.put(ticket.account(), after);
                }
            }
            tickets.add(ticket);
            statuses.add(refusal != null ? BetStatus.REFUSED : saga == null ? BetStatus.ACCEPTED : BetStatus.PENDING);
            refusals.add(refusal);
        }
        long t1 = System.nanoTime();
        Set<UUID> stored = store.insert(tickets, statuses, refusals, at, batch);
        stages[1] = System.nanoTime() - t1;

        List<Integer> toDebit = new ArrayList<>();
        List<StakeSaga.Stake> pending = new ArrayList<>();
        List<BatchDebit> debits = new ArrayList<>();
        Map<AccountId, List<String>> replays = new LinkedHashMap<>();
        for (int f = 0; f < fresh.size(); f++) {
            int i = fresh.get(f);
            Ticket ticket = tickets.get(f);
            if (!stored.contains(ticket.betId())) {
                replays.computeIfAbsent(ticket.account(), a -> new ArrayList<>()).add(ticket.requestId());
            } else if (statuses.get(f) == BetStatus.REFUSED) {
                outcomes[i] = new BetOutcome(ticket.betId(), BetStatus.REFUSED, refusals.get(f), at, false);
            } else if (saga != null) {
                pending.add(StakeSaga.Stake.of(ticket, at));
            } else {
                toDebit.add(i);
                debits.add(new BatchDebit(ticket.account(), ticket.totalStake(), Purpose.bet("tote", ticket.betId()),
                        IdempotencyKey.of("tote:bet:" + ticket.betId())));
            }
        }
        replays.forEach((account, requestIds) -> replay(places, fresh, account, requestIds, outcomes));

        long t2 = System.nanoTime();
        // every key names a bet this batch has just stored, so none can be recorded yet
        List<DebitOutcome> debited = debits.isEmpty() ? List.of() : wallets.debitAllNewKeys(debits);
        stages[2] = System.nanoTime() - t2;
        long t3 = System.nanoTime();
        List<UUID> unpaid = new ArrayList<>();
        Map<BetStore.PoolCombination, Long> accepted = new LinkedHashMap<>();
        for (int d = 0; d < toDebit.size(); d++) {
            int i = toDebit.get(d);
            Ticket ticket = places.get(i).ticket();
            if (!debited.get(d).taken()) {
                unpaid.add(ticket.betId());
                outcomes[i] = new BetOutcome(ticket.betId(), BetStatus.REFUSED, "insufficient-funds", at, false);
                continue;
            }
            long unit = ticket.unitStake().cents();
            for (long key : ticket.combinationKeys()) {
                accepted.merge(new BetStore.PoolCombination(ticket.poolId(), key), unit, Long::sum);
            }
            outcomes[i] = new BetOutcome(ticket.betId(), BetStatus.ACCEPTED, null, at, false);
            events.publishEvent(new BetAccepted(ticket.betId(), ticket.account(), ticket.poolId(),
                    ticket.raceIds().getFirst(), ticket.betType().name(), ticket.combinations(),
                    ticket.totalStake().cents(), ticket.channel().name(), at));
        }
        stages[3] = System.nanoTime() - t3;
        long t4 = System.nanoTime();
        if (!unpaid.isEmpty()) {
            store.refuse(unpaid, "insufficient-funds");
        }
        if (!accepted.isEmpty()) {
            List<BetStore.PoolCombination> combinations = new ArrayList<>(accepted.keySet());
            store.addToTotals(combinations, combinations.stream().mapToLong(accepted::get).toArray());
        }
        stages[4] = System.nanoTime() - t4;
        return new Decided(outcomes, accepted, pending, firstOfRequest);
    }

    /** The rolling week's accepted stakes of the accounts with a limit, read in the batch. */
    private Map<AccountId, Long> weeklyStakes(List<Place> places, List<Integer> fresh, Instant at) {
        Set<AccountId> limited = new HashSet<>();
        for (int i : fresh) {
            Ticket ticket = places.get(i).ticket();
            if (ticket.weeklyStakeLimit() != null) {
                limited.add(ticket.account());
            }
        }
        return limited.isEmpty() ? new HashMap<>() : store.stakedSince(limited, at.minus(WEEK));
    }

    private void replay(List<Place> places, List<Integer> fresh, AccountId account, List<String> requestIds,
            BetOutcome[] outcomes) {
        Map<String, BetStore.Stored> stored = store.byRequest(account, requestIds);
        for (int i : fresh) {
            Ticket ticket = places.get(i).ticket();
            if (outcomes[i] != null || !ticket.account().equals(account) || !requestIds.contains(ticket.requestId())) {
                continue;
            }
            BetStore.Stored earlier = stored.get(ticket.requestId());
            outcomes[i] = earlier.fingerprint().equals(ticket.fingerprint())
                    ? new BetOutcome(earlier.betId(), earlier.status(), earlier.refusal(), earlier.placedAt(), true)
                    : BetOutcome.refused("request-id-reused");
        }
    }

    private void cancel(Cancel cancel) {
        try {
            // with the remote wallet, a cancellation takes its turn among the sagas' completers (StakeSaga)
            Cancellations.Done done = saga == null
                    ? transaction.execute(status -> cancellations.cancel(cancel.account(), cancel.betId()))
                    : saga.completing(() -> transaction.execute(
                            status -> cancellations.cancel(cancel.account(), cancel.betId())));
            done.removed().forEach((pool, cents) -> book.add(pool.poolId(), pool.key(), -cents));
            cancel.answer().complete(done.outcome());
        } catch (RuntimeException e) {
            cancel.answer().completeExceptionally(e);
        }
    }

    private static void fail(Command command, Throwable e) {
        switch (command) {
            case Place place -> place.answer().completeExceptionally(e);
            case Cancel cancel -> cancel.answer().completeExceptionally(e);
        }
    }

    @Override
    public void start() {
        book.load(store);
        running = true;
        for (int w = 0; w < queues.size(); w++) {
            BlockingQueue<Command> queue = queues.get(w);
            threads.add(Thread.ofPlatform().name("bet-writer-" + w).start(() -> run(queue)));
        }
    }

    /** Stops taking bets, then answers those already queued, and lets running sagas end, before the database closes. */
    @Override
    public void stop() {
        running = false;
        if (!threads.isEmpty()) {
            try {
                for (Thread thread : threads) {
                    thread.join(Duration.ofSeconds(10));
                }
                // a saga cut short leaves its bets PENDING: the recovery job resolves them at the next start
                if (!sagas.tryAcquire(maxSagas, 10, TimeUnit.SECONDS)) {
                    log.warn("Stopping with remote-wallet sagas still running; their bets are resolved at the next start");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** The queue is full: answered at once with 503 and Retry-After, nothing stored. */
    static final class Overloaded extends ProblemException {
        Overloaded() {
            super(HttpStatus.SERVICE_UNAVAILABLE, "overloaded",
                    "Too many bets are waiting to be stored; nothing was stored. Retry in a moment with the same requestId.");
        }
    }
}
