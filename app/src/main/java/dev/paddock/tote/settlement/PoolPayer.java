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
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Pays a pool's tickets, each exactly once. The unpaid tickets are streamed and priced in memory (the dividend
 * engine's {@code pay}); only those that get something are kept, sorted by account. They are then paid in
 * chunks of whole accounts, each chunk in one transaction that marks its tickets paid and credits each account
 * once for the pool: winnings under the key {@code tote-settle:{poolId}:{accountId}}, refunds under the same key
 * plus {@code :refund}. Since a chunk commits or vanishes whole and an account never spans two chunks, a
 * settlement restarted after a crash finds every ticket either paid with its credit or unpaid without one, and
 * pays only the latter; were a key ever found again, the wallet replays it instead of crediting twice.
 */
@Component
class PoolPayer {

    /** Called after each committed chunk; the crash tests fail a settlement midway through it. */
    interface ChunkListener {
        void committed(UUID poolId, int chunk);
    }

    private static final int MAX_PRICED = 200_000;

    private final TicketPayments tickets;
    private final Wallets wallets;
    private final LiveChannel live;
    private final TransactionTemplate transaction;
    private final TransactionTemplate readOnly;
    private final Clock clock;
    private final int chunkTickets;
    private volatile ChunkListener listener = (pool, chunk) -> {
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
    }

    void listen(ChunkListener listener) {
        this.listener = listener;
    }

    void pay(UUID poolId, TicketRule rule) {
        List<Due> dues = dues(poolId, rule);
        int chunk = 0;
        int from = 0;
        while (from < dues.size()) {
            int to = chunkEnd(dues, from);
            List<Due> part = dues.subList(from, to);
            Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
            transaction.executeWithoutResult(status -> {
                tickets.markPaid(part, at);
                wallets.creditAll(credits(poolId, part));
            });
            listener.committed(poolId, ++chunk);
            tell(poolId, part);
            from = to;
        }
    }

    /** Tickets alike are priced alike: most tickets of a pool repeat a few formulations, priced once each. */
    private record Alike(String formulation, long unitStakeCents, long totalStakeCents) {
    }

    private List<Due> dues(UUID poolId, TicketRule rule) {
        List<Due> dues = new ArrayList<>();
        Map<Alike, TicketPayment> priced = new HashMap<>();
        readOnly.executeWithoutResult(status -> tickets.forEachUnpaid(poolId, ticket -> {
            Alike alike = new Alike(ticket.formulation(), ticket.unitStakeCents(), ticket.totalStakeCents());
            TicketPayment payment = priced.get(alike);
            if (payment == null) {
                payment = rule.pay(Selections.read(alike.formulation()), alike.unitStakeCents(), alike.totalStakeCents());
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

    static List<BatchCredit> credits(UUID poolId, List<Due> dues) {
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
            String key = "tote-settle:" + poolId + ":" + account;
            if (winnings > 0) {
                credits.add(new BatchCredit(new AccountId(account), Money.ofCents(winnings),
                        Purpose.payout("tote", "pool:" + poolId), IdempotencyKey.of(key)));
            }
            if (refunds > 0) {
                credits.add(new BatchCredit(new AccountId(account), Money.ofCents(refunds),
                        new Purpose("tote:pools", "refund:pool:" + poolId), IdempotencyKey.of(key + ":refund")));
            }
        }
        return credits;
    }

    /** Tells each paid account's open pages, once the chunk is committed, so that its bet history refreshes. */
    private void tell(UUID poolId, List<Due> dues) {
        Set<UUID> accounts = new LinkedHashSet<>();
        dues.forEach(due -> accounts.add(due.accountId()));
        accounts.forEach(account -> live.toAccount(new AccountId(account), "bets", Map.of("poolId", poolId)));
    }
}
