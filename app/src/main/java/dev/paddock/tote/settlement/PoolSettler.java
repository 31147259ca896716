package dev.paddock.tote.settlement;

import dev.paddock.parimutuel.Arrival;
import dev.paddock.parimutuel.BetType;
import dev.paddock.parimutuel.PoolAccounts;
import dev.paddock.parimutuel.PoolDividends;
import dev.paddock.parimutuel.PoolExtras;
import dev.paddock.parimutuel.PoolResult;
import dev.paddock.parimutuel.PoolTotals;
import dev.paddock.parimutuel.RankDividend;
import dev.paddock.parimutuel.TicketPayment;
import dev.paddock.tote.DividendsPublished;
import dev.paddock.tote.RaceStatus;
import dev.paddock.tote.results.OfficialArrival;
import dev.paddock.tote.results.Results;
import dev.paddock.tote.settlement.PoolSettlements.Stored;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Settles pools, a race's own pools together or a Big 5 alone, under a lock: computes each pool's dividends and
 * stores them with its accounts (status COMPUTED) in one transaction per pool, pays the tickets
 * ({@link PoolPayer}), then marks the pools PAID. A settlement resumed after a
 * crash recomputes the dividends from the very inputs it stored (rule set version, takeout, result versions,
 * reserve drawn) and refuses to go on if they no longer give the stored accounts.
 */
@Component
class PoolSettler {

    private static final int PARALLEL_COMPUTATIONS = 2;

    private final SettlementStore store;
    private final PoolSettlements settlements;
    private final RuleSets ruleSets;
    private final Results results;
    private final PoolPayer payer;
    private final PoolLocks locks;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock;

    PoolSettler(SettlementStore store, PoolSettlements settlements, RuleSets ruleSets, Results results, PoolPayer payer,
            PoolLocks locks, ApplicationEventPublisher events, PlatformTransactionManager transactions, Clock clock) {
        this.store = store;
        this.settlements = settlements;
        this.ruleSets = ruleSets;
        this.results = results;
        this.payer = payer;
        this.locks = locks;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** The results a pool's dividends depend on; {@code refundAll} when its race (every leg) was cancelled. */
    record Inputs(List<Arrival> legs, Map<UUID, Integer> versions, boolean refundAll) {
    }

    record Computed(PoolAccounts accounts, List<RankDividend> ranks, TicketRule rule) {
    }

    /**
     * Settles and pays a Big 5 pool unless it is paid already, on its own (its tickets are paid when its last leg is
     * done, with their own keys).
     *
     * @param announcingRace the race a Big 5's {@link DividendsPublished} names (the leg that completed it)
     */
    void settle(PoolRow pool, UUID announcingRace) {
        try (PoolLocks.Held _ = locks.lock(pool.id())) {
            Optional<Stored> stored = settlements.find(pool.id());
            if (stored.isPresent() && stored.get().paid()) {
                return;
            }
            TicketRule rule = prepared(pool, store.tickets(List.of(pool.id())).get(pool.id()), stored);
            payer.pay(PoolPayer.Payment.pool(pool.id()), Map.of(pool.id(), rule));
            transaction.executeWithoutResult(status -> {
                if (!settlements.markPaid(List.of(pool.id()), now()).isEmpty() && pool.type().multiRace()) {
                    events.publishEvent(new DividendsPublished(announcingRace, List.of(settlements.published(pool)), now()));
                }
            });
        }
    }

    /**
     * Settles a race's own pools together, under the race's lock (a second settlement of the race, on any node,
     * waits and then finds them paid): every pool not paid yet is computed first (COMPUTED, or its stored
     * settlement checked when resumed), then all their unpaid tickets are paid in one {@link PoolPayer.Payment}
     * (one credit per account for the race), then every pool is marked PAID. A pool that cannot be computed stops
     * the race's payment before any ticket is paid.
     */
    void settleTogether(UUID raceId, List<PoolRow> pools) {
        try (PoolLocks.Held _ = locks.lockRace(raceId)) {
            Map<UUID, Optional<Stored>> unpaid = new LinkedHashMap<>();
            for (PoolRow pool : pools) {
                Optional<Stored> stored = settlements.find(pool.id());
                if (stored.isEmpty() || !stored.get().paid()) {
                    unpaid.put(pool.id(), stored);
                }
            }
            if (unpaid.isEmpty()) {
                return;
            }
            Map<UUID, SettlementStore.Tickets> tickets = store.tickets(List.copyOf(unpaid.keySet()));
            List<PoolRow> toPrepare = pools.stream().filter(pool -> unpaid.containsKey(pool.id())).toList();
            Map<UUID, TicketRule> rules = new ConcurrentHashMap<>();
            inParallel(toPrepare, pool -> rules.put(pool.id(), prepared(pool, tickets.get(pool.id()), unpaid.get(pool.id()))));
            payer.pay(PoolPayer.Payment.race(raceId), rules);
            transaction.executeWithoutResult(status -> settlements.markPaid(rules.keySet(), now()));
        }
    }

    /**
     * Each pool computed in its own transaction, two at a time (a pool's computation alternates between reading
     * its totals in PostgreSQL and the engine in this JVM). The first failure is thrown once all have ended.
     */
    private void inParallel(List<PoolRow> pools, Consumer<PoolRow> work) {
        List<Future<?>> running = new ArrayList<>();
        Semaphore slots = new Semaphore(PARALLEL_COMPUTATIONS);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (PoolRow pool : pools) {
                running.add(threads.submit(() -> {
                    slots.acquireUninterruptibly();
                    try {
                        work.accept(pool);
                    } finally {
                        slots.release();
                    }
                }));
            }
        }
        RuntimeException failure = null;
        for (Future<?> pool : running) {
            try {
                pool.get();
            } catch (ExecutionException e) {
                RuntimeException cause = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                if (failure == null) {
                    failure = cause;
                } else {
                    failure.addSuppressed(cause);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while computing pools", e);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** The pool's dividends computed and stored, or, when they were stored already, recomputed and checked. */
    private TicketRule prepared(PoolRow pool, SettlementStore.Tickets tickets, Optional<Stored> stored) {
        PoolTotals totals = checkedTotals(pool, tickets);
        return stored.isPresent() ? recomputed(pool, totals, inputs(pool), stored.get())
                : computedAndStored(pool, totals);
    }

    /** Refuses, loudly, a pool whose totals do not match its tickets, or that may still take a ticket. */
    private PoolTotals checkedTotals(PoolRow pool, SettlementStore.Tickets tickets) {
        if (tickets.pending() > 0) {
            throw new IllegalStateException("Pool " + pool.id() + " has " + tickets.pending()
                    + " bets still waiting for the remote wallet: it cannot be settled yet");
        }
        PoolTotals totals = store.totals(pool.id());
        if (totals.total() != tickets.acceptedStakeCents()) {
            throw new IllegalStateException("Pool " + pool.id() + ": its totals hold " + totals.total()
                    + " cents but its accepted bets " + tickets.acceptedStakeCents() + " cents; not settled");
        }
        return totals;
    }

    Inputs inputs(PoolRow pool) {
        Map<UUID, RaceStatus> statuses = store.statuses(pool.races());
        List<Arrival> legs = new ArrayList<>();
        Map<UUID, Integer> versions = new LinkedHashMap<>();
        for (UUID race : pool.races()) {
            if (statuses.get(race) == RaceStatus.CANCELLED) {
                legs.add(Arrival.cancelledRace());
                versions.put(race, 0);
            } else {
                OfficialArrival official = results.official(race).orElseThrow(() -> new IllegalStateException(
                        "Race " + race + " of pool " + pool.id() + " has no official result"));
                legs.add(official.arrival());
                versions.put(race, official.version());
            }
        }
        boolean refundAll = pool.status().equals("CANCELLED") || legs.stream().allMatch(Arrival::cancelled);
        return new Inputs(legs, versions, refundAll);
    }

    /**
     * The races are locked first, as the results desk locks a race to correct its result: either the correction
     * comes first and this finds no official result, or this comes first and the desk finds the settlement
     * started and refuses the correction. The pool's row is held too, so that its takeout and guarantee are the
     * ones recorded.
     */
    private TicketRule computedAndStored(PoolRow read, PoolTotals totals) {
        return transaction.execute(status -> {
            store.lockRaces(read.races());
            PoolRow pool = store.lockPool(read.id(), "share");
            Inputs inputs = inputs(pool);
            RuleSet rules = ruleSets.newest();
            Computed computed = compute(pool, totals, inputs, rules, pool.takeoutBp(), 0);
            long topUp = computed.accounts().operatorTopUpCents();
            if (pool.jackpotCents() > 0) {
                // the Tirelire: what operators asked for, as far as the fund holds it (drawn only if the top rank wins)
                long draw = Math.min(pool.jackpotCents(), settlements.lockFund(pool.type(), pool.family()));
                computed = draw == 0 ? computed : compute(pool, totals, inputs, rules, pool.takeoutBp(), draw);
            } else if (topUp > 0) {
                // a guaranteed pool short of its guarantee draws what it lacks from the fund, the operator the rest
                long draw = Math.min(topUp, settlements.lockFund(pool.type(), pool.family()));
                computed = draw == 0 ? computed : compute(pool, totals, inputs, rules, pool.takeoutBp(), draw);
            }
            Instant at = now();
            PoolAccounts accounts = computed.accounts();
            settlements.insert(pool.id(), rules.version(), pool.takeoutBp(), inputs.versions(), accounts, at);
            settlements.insertDividends(pool.id(), pool.type(), computed.ranks());
            if (accounts.reserveInCents() > 0 || accounts.reserveOutCents() > 0) {
                settlements.moveReserve(pool.id(), pool.type(), pool.family(),
                        accounts.reserveInCents() - accounts.reserveOutCents(), at);
            }
            return computed.rule();
        });
    }

    private TicketRule recomputed(PoolRow pool, PoolTotals totals, Inputs inputs, Stored stored) {
        if (!inputs.versions().equals(stored.arrivals())) {
            throw new IllegalStateException("Pool " + pool.id() + " was computed with results " + stored.arrivals()
                    + " but the official results are now " + inputs.versions() + "; not paid further");
        }
        Computed computed = compute(pool, totals, inputs, ruleSets.version(stored.ruleSetVersion()),
                stored.takeoutBp(), stored.accounts().reserveOutCents());
        if (!computed.accounts().equals(stored.accounts())) {
            throw new IllegalStateException("Pool " + pool.id() + ": recomputed accounts " + computed.accounts()
                    + " differ from the stored " + stored.accounts() + "; not paid further");
        }
        return computed.rule();
    }

    private Computed compute(PoolRow pool, PoolTotals totals, Inputs inputs, RuleSet rules, int takeoutBp,
            long reserveDraw) {
        long stakes = totals.total();
        if (inputs.refundAll()) {
            return new Computed(new PoolAccounts(stakes, stakes, 0, 0, 0, 0, 0, 0, true), List.of(),
                    TicketRule.REFUND_ALL);
        }
        if (stakes == 0) {
            return new Computed(new PoolAccounts(0, 0, 0, 0, 0, 0, 0, 0, false), List.of(),
                    (formulation, unit, total) -> TicketPayment.NOTHING);
        }
        PoolExtras extras = switch (pool.type()) {
            case BIG5 -> new PoolExtras(pool.races().stream().map(race -> store.favourite(race, pool.family())).toList(),
                    reserveDraw, pool.guaranteedCents());
            case QUINTE_PLUS -> new PoolExtras(List.of(), reserveDraw, 0);
            default -> PoolExtras.NONE;
        };
        PoolResult result = PoolDividends.compute(pool.type(), rules.of(pool.family(), pool.type()).withTakeout(takeoutBp),
                inputs.legs(), totals, extras);
        return new Computed(result.accounts(), result.ranks(), TicketRule.of(result));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
