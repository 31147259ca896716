package dev.paddock.tote.betting;

import dev.paddock.identity.AccountId;
import dev.paddock.parimutuel.Combinations;
import dev.paddock.parimutuel.Field;
import dev.paddock.tote.BetAccepted;
import dev.paddock.tote.PoolCard;
import dev.paddock.tote.RaceCard;
import dev.paddock.tote.RunnerCard;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The remote wallet mode's saga, its state the bet's status in {@code tote.bets}, durable at every step:
 * <ol>
 * <li>the writer's batch stores the bets PENDING (after the stop-signal check) and commits;</li>
 * <li>{@link #settle} sends the debits, in batch calls of {@code batch-size} at once (or one call per debit),
 * each retried (idempotent by bet id); one that fails for good is compensated with a reversal, itself
 * retried;</li>
 * <li>one transaction marks the debited bets ACCEPTED, adds their stakes to the pool totals and publishes
 * {@link BetAccepted}; the others become REFUSED (insufficient-funds, wallet-unavailable), or COMPENSATING
 * while their reversal is not acknowledged.</li>
 * </ol>
 * A crash between the steps leaves PENDING or COMPENSATING bets: {@link #recover} (at start-up, then every
 * {@code recover-every}) sends the same debit again, or the reversal, and completes them. Every status change
 * is conditional on the status it leaves, so the writer and the recovery job never both complete a bet.
 * Whatever fails, no bet is ACCEPTED without its debit and no debit stays without an ACCEPTED bet.
 */
@Component
@ConditionalOnProperty(name = "paddock.tote.betting.wallet", havingValue = "remote")
class StakeSaga {

    private static final Logger log = LoggerFactory.getLogger(StakeSaga.class);

    /** What the saga needs of a bet, from a ticket or read back from the table. */
    record Stake(UUID betId, AccountId account, UUID poolId, UUID raceId, String betType, long combinations,
            long unitStake, long totalStake, String channel, long[] combinationKeys, Instant placedAt) {

        static Stake of(Ticket ticket, Instant placedAt) {
            return new Stake(ticket.betId(), ticket.account(), ticket.poolId(), ticket.raceIds().getFirst(),
                    ticket.betType().name(), ticket.combinations(), ticket.unitStake().cents(),
                    ticket.totalStake().cents(), ticket.channel().name(), ticket.combinationKeys(), placedAt);
        }
    }

    /** A saga's step 3, waiting to be done with the others waiting, in one transaction (see {@link #settle}). */
    private record Completion(List<Stake> debited, List<Stake> unpaid, List<Stake> reversed, List<Stake> unreversed,
            CompletableFuture<Void> done) {
    }

    private final RemoteStakeWallet wallet;
    private final BetStore store;
    private final PoolBook book;
    private final RaceCards races;
    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Duration recoverAfter;
    private final Semaphore completers;
    private final Queue<Completion> completions = new ConcurrentLinkedQueue<>();

    StakeSaga(RemoteStakeWallet wallet, BetStore store, PoolBook book, RaceCards races, JdbcTemplate jdbc,
            ApplicationEventPublisher events, PlatformTransactionManager transactions, Clock clock,
            BettingProperties properties) {
        this.wallet = wallet;
        this.store = store;
        this.book = book;
        this.races = races;
        this.jdbc = jdbc;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        this.recoverAfter = properties.remoteWallet().recoverAfter();
        this.completers = new Semaphore(Math.max(1, properties.remoteWallet().completers()));
    }

    /**
     * Steps 2 and 3 for bets stored PENDING, returning each bet's outcome once committed (the pool book updated).
     * Step 3 is done together with those of the other sagas that finished their calls meanwhile, in one
     * transaction: the sagas of a node complete a few at a time (see {@link #completing}), and one commit each
     * made them queue behind each other's WAL flush, the source of the latency spikes at 2,000 bets/s.
     */
    Map<UUID, BetOutcome> settle(List<Stake> pending) {
        long started = System.nanoTime();
        List<RemoteStakeWallet.Debit> debits = wallet.debitAll(pending.stream()
                .map(stake -> new RemoteStakeWallet.DebitOrder(stake.betId(), stake.account(), stake.totalStake()))
                .toList());
        long called = System.nanoTime();
        Map<UUID, BetOutcome> outcomes = new LinkedHashMap<>();
        List<Stake> debited = new ArrayList<>();
        List<Stake> unpaid = new ArrayList<>();
        List<Stake> failed = new ArrayList<>();
        for (int i = 0; i < pending.size(); i++) {
            Stake stake = pending.get(i);
            switch (debits.get(i)) {
                case DEBITED -> {
                    debited.add(stake);
                    outcomes.put(stake.betId(), new BetOutcome(stake.betId(), BetStatus.ACCEPTED, null, stake.placedAt(), false));
                }
                case INSUFFICIENT_FUNDS -> {
                    unpaid.add(stake);
                    outcomes.put(stake.betId(), refused(stake, "insufficient-funds"));
                }
                case REVERSED, UNAVAILABLE -> {
                    failed.add(stake);
                    outcomes.put(stake.betId(), refused(stake, "wallet-unavailable"));
                }
            }
        }
        List<Boolean> reversals = wallet.reverseAll(failed.stream().map(Stake::betId).toList());
        List<Stake> reversed = new ArrayList<>();
        List<Stake> unreversed = new ArrayList<>();
        for (int i = 0; i < failed.size(); i++) {
            (reversals.get(i) ? reversed : unreversed).add(failed.get(i));
        }
        Completion mine = new Completion(debited, unpaid, reversed, unreversed, new CompletableFuture<>());
        completions.add(mine);
        completing(() -> {
            if (!mine.done().isDone()) {
                completeWaiting();
            }
            return null;
        });
        try {
            mine.done().join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        if (log.isDebugEnabled()) {
            long now = System.nanoTime();
            log.debug("Saga: {} bets, debits {} us, completed {} us later", pending.size(), (called - started) / 1_000,
                    (now - called) / 1_000);
        }
        return outcomes;
    }

    /** Every completion waiting (this saga's among them) in one transaction; if it fails, each in its own. */
    private void completeWaiting() {
        List<Completion> group = new ArrayList<>();
        for (Completion waiting = completions.poll(); waiting != null; waiting = completions.poll()) {
            group.add(waiting);
        }
        if (group.size() > 1) {
            try {
                completeTogether(group);
                return;
            } catch (RuntimeException e) {
                log.warn("The completion of {} sagas together failed ({}); completing them one by one", group.size(),
                        e.toString());
            }
        }
        for (Completion one : group) {
            try {
                completeTogether(List.of(one));
            } catch (RuntimeException e) {
                one.done().completeExceptionally(e);
            }
        }
    }

    private void completeTogether(List<Completion> group) {
        long started = System.nanoTime();
        Map<BetStore.PoolCombination, Long> accepted = transaction.execute(status -> complete(
                all(group, Completion::debited), all(group, Completion::unpaid), all(group, Completion::reversed),
                all(group, Completion::unreversed)));
        log.debug("Saga completions: {} in one transaction of {} us", group.size(), (System.nanoTime() - started) / 1_000);
        accepted.forEach((pool, cents) -> book.add(pool.poolId(), pool.key(), cents));
        group.forEach(done -> done.done().complete(null));
    }

    /** The group's stakes of one kind, each bet once (the recovery job and a slow saga may hold the same bet). */
    private static List<Stake> all(List<Completion> group, Function<Completion, List<Stake>> part) {
        Map<UUID, Stake> stakes = new LinkedHashMap<>();
        group.forEach(completion -> part.apply(completion).forEach(stake -> stakes.putIfAbsent(stake.betId(), stake)));
        return new ArrayList<>(stakes.values());
    }

    /**
     * Runs a transaction that changes pool totals as one of at most {@code completers} of this node (the sagas'
     * step 3, the recovery job, cancellations). Their upserts of the same combination rows in different orders
     * deadlocked in PostgreSQL (measured at 1,000 bets/s), so there was one at a time; the totals were then written
     * in the primary key's order, and since tote V20 each transaction appends one change row
     * ({@link BetStore#addToTotals}) and locks no total at all. With one, a group's transaction and its commit's
     * WAL flush were the sagas' queue: at 2,000 bets/s on the shared VM a saga waited 59 ms on average after its
     * debits, and the writers waited for a free saga 12% of their time. Sagas that finish while both run still
     * complete together, in the next group.
     */
    <T> T completing(Supplier<T> work) {
        completers.acquireUninterruptibly();
        try {
            return work.get();
        } finally {
            completers.release();
        }
    }

    /**
     * Bets left PENDING (placed more than {@code recover-after} ago) or COMPENSATING by a crash or an outage:
     * the same debit is sent again and the bet completed, or the reversal is sent again.
     */
    @Scheduled(initialDelay = 0, fixedDelayString = "${paddock.tote.betting.remote-wallet.recover-every:10s}")
    void recover() {
        List<Stake> pending = new ArrayList<>();
        List<Stake> compensating = new ArrayList<>();
        for (Unsettled bet : unsettled(clock.instant().minus(recoverAfter))) {
            (bet.status() == BetStatus.PENDING ? pending : compensating).add(bet.stake());
        }
        if (pending.isEmpty() && compensating.isEmpty()) {
            return;
        }
        log.info("Recovering {} pending and {} compensating bets", pending.size(), compensating.size());
        if (!pending.isEmpty()) {
            settle(pending);
        }
        List<Boolean> reversals = wallet.reverseAll(compensating.stream().map(Stake::betId).toList());
        List<Stake> reversed = new ArrayList<>();
        for (int i = 0; i < compensating.size(); i++) {
            if (reversals.get(i)) {
                reversed.add(compensating.get(i));
            }
        }
        if (!reversed.isEmpty()) {
            transaction.executeWithoutResult(status -> setStatus(reversed, "REFUSED", "wallet-unavailable",
                    "'COMPENSATING'"));
        }
    }

    private Map<BetStore.PoolCombination, Long> complete(List<Stake> debited, List<Stake> unpaid, List<Stake> reversed,
            List<Stake> unreversed) {
        Set<UUID> nowAccepted = setStatus(debited, "ACCEPTED", null, "'PENDING'");
        setStatus(unpaid, "REFUSED", "insufficient-funds", "'PENDING'");
        setStatus(reversed, "REFUSED", "wallet-unavailable", "'PENDING', 'COMPENSATING'");
        setStatus(unreversed, "COMPENSATING", "wallet-unavailable", "'PENDING'");
        Map<BetStore.PoolCombination, Long> accepted = new LinkedHashMap<>();
        for (Stake stake : debited) {
            if (!nowAccepted.contains(stake.betId())) {
                continue;
            }
            for (long key : stake.combinationKeys()) {
                accepted.merge(new BetStore.PoolCombination(stake.poolId(), key), stake.unitStake(), Long::sum);
            }
            events.publishEvent(new BetAccepted(stake.betId(), stake.account(), stake.poolId(), stake.raceId(),
                    stake.betType(), stake.combinations(), stake.totalStake(), stake.channel(), stake.placedAt()));
        }
        if (!accepted.isEmpty()) {
            List<BetStore.PoolCombination> combinations = new ArrayList<>(accepted.keySet());
            store.addToTotals(combinations, combinations.stream().mapToLong(accepted::get).toArray());
        }
        return accepted;
    }

    /** Moves the bets still in one of the {@code from} statuses; returns those moved. */
    private Set<UUID> setStatus(Collection<Stake> stakes, String status, String refusal, String from) {
        Set<UUID> moved = new HashSet<>();
        if (stakes.isEmpty()) {
            return moved;
        }
        jdbc.query(connection -> {
            PreparedStatement statement = connection.prepareStatement("update tote.bets set status = ?, refusal = ?"
                    + " where id = any(?) and status in (" + from + ") returning id");
            statement.setString(1, status);
            statement.setString(2, refusal);
            statement.setArray(3, connection.createArrayOf("uuid", stakes.stream().map(Stake::betId).toArray()));
            return statement;
        }, rs -> {
            moved.add(rs.getObject(1, UUID.class));
        });
        return moved;
    }

    private record Unsettled(BetStatus status, Stake stake) {
    }

    private List<Unsettled> unsettled(Instant placedBefore) {
        List<Unsettled> found = new ArrayList<>();
        jdbc.query(connection -> {
            PreparedStatement statement = connection.prepareStatement("""
                    select id, account_id, pool_id, race_id, bet_type, formulation, combinations, unit_stake_cents,
                           total_stake_cents, channel, placed_at, status
                    from tote.bets where status = 'COMPENSATING' or (status = 'PENDING' and placed_at < ?)
                    order by placed_at limit 1000""");
            statement.setTimestamp(1, Timestamp.from(placedBefore));
            return statement;
        }, rs -> {
            UUID poolId = rs.getObject(3, UUID.class);
            BetStatus status = BetStatus.valueOf(rs.getString(12));
            long[] keys = status == BetStatus.PENDING ? combinationKeys(poolId, rs.getString(6)) : new long[0];
            found.add(new Unsettled(status, new Stake(rs.getObject(1, UUID.class),
                    new AccountId(rs.getObject(2, UUID.class)), poolId, rs.getObject(4, UUID.class), rs.getString(5),
                    rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getString(10), keys,
                    rs.getObject(11, OffsetDateTime.class).toInstant())));
        });
        return found;
    }

    /** The ticket's unit combinations over every declared runner, as when it was sold (see Cancellations). */
    private long[] combinationKeys(UUID poolId, String formulation) {
        PoolCard pool = races.pool(poolId).orElseThrow();
        List<Field> fields = new ArrayList<>();
        for (UUID raceId : pool.raceIds()) {
            RaceCard race = races.race(raceId).orElseThrow();
            fields.add(new Field(race.runners().stream().mapToInt(RunnerCard::number).toArray()));
        }
        List<Long> keys = new ArrayList<>();
        Combinations.forEach(pool.betType(), Selections.read(formulation), fields, keys::add);
        return keys.stream().mapToLong(Long::longValue).toArray();
    }

    private static BetOutcome refused(Stake stake, String refusal) {
        return new BetOutcome(stake.betId(), BetStatus.REFUSED, refusal, stake.placedAt(), false);
    }
}
