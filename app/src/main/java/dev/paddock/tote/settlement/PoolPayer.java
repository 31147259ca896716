package dev.paddock.tote.settlement;

import dev.paddock.identity.AccountId;
import dev.paddock.live.LiveChannel;
import dev.paddock.parimutuel.TicketPayment;
import dev.paddock.shared.Money;
import dev.paddock.tote.betting.Selections;
import dev.paddock.tote.settlement.TicketPayments.Due;
import dev.paddock.wallet.BatchCredit;
import dev.paddock.wallet.IdempotencyKey;
import dev.paddock.wallet.Purpose;
import dev.paddock.wallet.Wallets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Pays tickets, each exactly once, for a {@link Payment}: a race's own pools together, or one Big 5 pool. The
 * unpaid tickets of the payment's pools are read in one scan and priced in memory, each by its own pool's rule
 * (the dividend engine's {@code pay}); only those that get something are kept, sorted by account. They are then
 * paid in chunks of whole accounts, each chunk in one transaction that marks its tickets paid and credits each
 * account once for the whole payment, across its pools: winnings under the key
 * {@code tote-settle:race:{raceId}:{accountId}} (a Big 5: {@code tote-settle:{poolId}:{accountId}}), refunds under
 * the same key plus {@code :refund}.
 * <p>
 * Why that pays each ticket once: a chunk commits or vanishes whole (its ticket updates and its credits are one
 * transaction); an account never spans two chunks, and every unpaid ticket of the payment is read before the
 * first chunk, so all of an account's unpaid tickets are paid in the same chunk as its one credit. A settlement
 * restarted after a crash therefore finds, per account, either every ticket paid with its credit or every ticket
 * unpaid without one, and pays only the latter. The ticket update only touches tickets still unpaid and the chunk
 * rolls back if it marks fewer than it should (a concurrent settlement got there first); were a key ever found
 * again, the wallet replays it (same content) or refuses it (other content), rolling the chunk back, instead of
 * crediting twice. Chunks may be written side by side (they share no account). Paying a race's pools together gives one credit per account and race instead of one per
 * account and pool, and no two pools queue on the same wallet rows.
 */
@Component
class PoolPayer {

    /** Called after each committed chunk; the crash tests fail a settlement midway through it. */
    interface ChunkListener {
        /** @param payment the race's id, or the Big 5 pool's */
        void committed(UUID payment, int chunk);
    }

    /**
     * What is paid together, with one credit per account.
     *
     * @param id        the race, or the Big 5 pool
     * @param key       the idempotency key's prefix, completed with {@code :{accountId}}
     * @param reference what the wallet entries name
     */
    record Payment(UUID id, String key, String reference) {

        static Payment race(UUID raceId) {
            return new Payment(raceId, "tote-settle:race:" + raceId, "race:" + raceId);
        }

        static Payment pool(UUID poolId) {
            return new Payment(poolId, "tote-settle:" + poolId, "pool:" + poolId);
        }
    }

    private static final int MAX_PRICED = 200_000;

    private final TicketPayments tickets;
    private final Wallets wallets;
    private final LiveChannel live;
    private final TransactionTemplate transaction;
    private final TransactionTemplate readOnly;
    private final Clock clock;
    private final int chunkTickets;
    private final int parallelChunks;
    private volatile ChunkListener listener = (payment, chunk) -> {
    };

    PoolPayer(TicketPayments tickets, Wallets wallets, LiveChannel live, PlatformTransactionManager transactions,
            Clock clock, SettlementProperties properties) {
        this.tickets = tickets;
        this.wallets = wallets;
        this.live = live;
        this.transaction = new TransactionTemplate(transactions);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.clock = clock;
        this.chunkTickets = properties.chunkTickets();
        this.parallelChunks = properties.parallelChunks();
    }

    void listen(ChunkListener listener) {
        this.listener = listener;
    }

    /** @param rules each pool to pay, with what its tickets get */
    void pay(Payment payment, Map<UUID, TicketRule> rules) {
        if (rules.isEmpty()) {
            return;
        }
        List<Due> dues = dues(rules);
        List<Integer> ends = new ArrayList<>();
        for (int from = 0; from < dues.size(); from = ends.getLast()) {
            ends.add(chunkEnd(dues, from));
        }
        if (ends.size() <= 1 || parallelChunks == 1) {
            for (int c = 0; c < ends.size(); c++) {
                payChunk(payment, dues.subList(c == 0 ? 0 : ends.get(c - 1), ends.get(c)), c + 1);
            }
            return;
        }
        inParallel(payment, dues, ends);
    }

    /**
     * Chunks hold disjoint accounts (and the house accounts' balances are sums of postings, not locked rows), so
     * they can be written side by side without waiting on each other: a few at once keep both the database and
     * this JVM busy. The first failure stops the others from starting a chunk.
     */
    private void inParallel(Payment payment, List<Due> dues, List<Integer> ends) {
        AtomicInteger next = new AtomicInteger();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        try (ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int w = 0; w < Math.min(parallelChunks, ends.size()); w++) {
                workers.execute(() -> {
                    for (int c = next.getAndIncrement(); c < ends.size() && failure.get() == null;
                            c = next.getAndIncrement()) {
                        try {
                            payChunk(payment, dues.subList(c == 0 ? 0 : ends.get(c - 1), ends.get(c)), c + 1);
                        } catch (RuntimeException e) {
                            if (!failure.compareAndSet(null, e)) {
                                failure.get().addSuppressed(e);
                            }
                        }
                    }
                });
            }
        }
        if (failure.get() != null) {
            throw failure.get();
        }
    }

    private void payChunk(Payment payment, List<Due> part, int chunk) {
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        transaction.executeWithoutResult(status -> {
            tickets.markPaid(part, at);
            wallets.creditAll(credits(payment, part));
        });
        listener.committed(payment.id(), chunk);
        tell(payment, part);
    }

    /** Tickets alike are priced alike: most tickets of a pool repeat a few formulations, priced once each. */
    private record Alike(UUID poolId, String formulation, long unitStakeCents, long totalStakeCents) {
    }

    private List<Due> dues(Map<UUID, TicketRule> rules) {
        List<Due> dues = new ArrayList<>();
        Map<Alike, TicketPayment> priced = new HashMap<>();
        readOnly.executeWithoutResult(status -> tickets.forEachUnpaid(rules.keySet(), ticket -> {
            Alike alike = new Alike(ticket.poolId(), ticket.formulation(), ticket.unitStakeCents(),
                    ticket.totalStakeCents());
            TicketPayment payment = priced.get(alike);
            if (payment == null) {
                payment = rules.get(ticket.poolId()).pay(Selections.read(alike.formulation()), alike.unitStakeCents(),
                        alike.totalStakeCents());
                if (priced.size() < MAX_PRICED) {
                    priced.put(alike, payment);
                }
            }
            if (payment.totalCents() > 0) {
                dues.add(new Due(ticket.betId(), ticket.accountId(), payment.winningsCents(), payment.refundCents()));
            }
        }));
        dues.sort(Comparator.comparing(Due::accountId).thenComparing(Due::betId));
        return dues;
    }

    /** At least {@code chunkTickets} tickets, or the rest, ending on an account's last ticket. */
    private int chunkEnd(List<Due> dues, int from) {
        int to = Math.min(dues.size(), from + chunkTickets);
        while (to < dues.size() && dues.get(to).accountId().equals(dues.get(to - 1).accountId())) {
            to++;
        }
        return to;
    }

    /** One credit per account for its winnings and one for its refunds, whatever its number of tickets and pools. */
    static List<BatchCredit> credits(Payment payment, List<Due> dues) {
        List<BatchCredit> credits = new ArrayList<>();
        int i = 0;
        while (i < dues.size()) {
            UUID account = dues.get(i).accountId();
            long winnings = 0;
            long refunds = 0;
            for (; i < dues.size() && dues.get(i).accountId().equals(account); i++) {
                winnings += dues.get(i).winningsCents();
                refunds += dues.get(i).refundCents();
            }
            String key = payment.key() + ":" + account;
            if (winnings > 0) {
                credits.add(new BatchCredit(new AccountId(account), Money.ofCents(winnings),
                        Purpose.payout("tote", payment.reference()), IdempotencyKey.of(key)));
            }
            if (refunds > 0) {
                credits.add(new BatchCredit(new AccountId(account), Money.ofCents(refunds),
                        new Purpose("tote:pools", "refund:" + payment.reference()), IdempotencyKey.of(key + ":refund")));
            }
        }
        return credits;
    }

    /** Tells each paid account's open pages, once the chunk is committed, so that its bet history refreshes. */
    private void tell(Payment payment, List<Due> dues) {
        Set<UUID> accounts = new LinkedHashSet<>();
        dues.forEach(due -> accounts.add(due.accountId()));
        accounts.forEach(account -> live.toAccount(new AccountId(account), "bets", Map.of("paid", payment.reference())));
    }
}
