package dev.paddock.tote.betting;

import dev.paddock.shared.PublicPaths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A test double of the remote wallet (the PMU wallet of the old datacenter), for tests and benchmarks of the
 * remote wallet mode: served by the app itself under {@code /api/fake-remote-wallet} when
 * {@code paddock.tote.fake-remote-wallet.enabled=true}, never otherwise. Balances are in memory; an account
 * it has not seen holds {@code opening-balance}. Every call waits {@code latency}, once per call whatever it
 * carries; a share {@code failure-rate} of the single calls fail with 503 after the work is done, as when the
 * answer is lost on the way back, the case the saga's retries and reversals must get right; in a batch call,
 * that share of the items is done and left out of the answer. Idempotent by debit id, like the real one; a
 * reversal that arrives before its debit is remembered, and the late debit is answered REVERSED, not taken.
 */
@RestController
@RequestMapping("/api/fake-remote-wallet")
@ConditionalOnProperty(name = "paddock.tote.fake-remote-wallet.enabled", havingValue = "true")
class FakeRemoteWallet {

    record DebitRequest(UUID debitId, String account, Long amount) {
    }

    record DebitBatch(List<DebitRequest> debits) {
    }

    record ReversalBatch(List<UUID> debitIds) {
    }

    record Answer(String status) {
    }

    record ItemAnswer(UUID debitId, String status) {
    }

    record BatchAnswer(List<ItemAnswer> results) {
    }

    private record Debit(String account, long amount, boolean taken, boolean reversed) {
    }

    private final Map<String, Long> balances = new HashMap<>();
    private final Map<UUID, Debit> debits = new HashMap<>();
    /** Accounts whose debit answers are all lost (tests). */
    private final Set<String> losing = new HashSet<>();
    private final AtomicReference<Duration> stallNext = new AtomicReference<>();
    private final AtomicInteger batchCalls = new AtomicInteger();
    private final long openingBalance;
    private final Duration latency;
    private volatile double failureRate;

    FakeRemoteWallet(Environment environment) {
        this.openingBalance = environment.getProperty("paddock.tote.fake-remote-wallet.opening-balance", Long.class,
                100_000L);
        this.latency = environment.getProperty("paddock.tote.fake-remote-wallet.latency", Duration.class, Duration.ZERO);
        this.failureRate = environment.getProperty("paddock.tote.fake-remote-wallet.failure-rate", Double.class, 0.0);
    }

    @Bean
    static PublicPaths fakeRemoteWalletPaths() {
        return PublicPaths.api("/api/fake-remote-wallet/**");
    }

    @PostMapping("/debits")
    ResponseEntity<Answer> debit(@RequestBody DebitRequest request) throws InterruptedException {
        Thread.sleep(latency);
        String status = take(request);
        stall();
        if (lost() || losing(request)) {
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).build();
        }
        return ResponseEntity.ok(new Answer(status));
    }

    @PostMapping("/debits/{debitId}/reversal")
    ResponseEntity<Answer> reverse(@PathVariable UUID debitId) throws InterruptedException {
        Thread.sleep(latency);
        reverseOne(debitId);
        stall();
        if (lost()) {
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).build();
        }
        return ResponseEntity.ok(new Answer("REVERSED"));
    }

    @PostMapping("/debits/batch")
    BatchAnswer debitAll(@RequestBody DebitBatch batch) throws InterruptedException {
        batchCalls.incrementAndGet();
        Thread.sleep(latency);
        List<ItemAnswer> results = new ArrayList<>(batch.debits().size());
        for (DebitRequest request : batch.debits()) {
            String status = take(request);
            if (!lost() && !losing(request)) {
                results.add(new ItemAnswer(request.debitId(), status));
            }
        }
        stall();
        return new BatchAnswer(results);
    }

    @PostMapping("/reversals/batch")
    BatchAnswer reverseAll(@RequestBody ReversalBatch batch) throws InterruptedException {
        batchCalls.incrementAndGet();
        Thread.sleep(latency);
        List<ItemAnswer> results = new ArrayList<>(batch.debitIds().size());
        for (UUID debitId : batch.debitIds()) {
            reverseOne(debitId);
            if (!lost()) {
                results.add(new ItemAnswer(debitId, "REVERSED"));
            }
        }
        stall();
        return new BatchAnswer(results);
    }

    private synchronized String take(DebitRequest request) {
        Debit debit = debits.get(request.debitId());
        if (debit == null) {
            long balance = balance(request.account());
            boolean taken = balance >= request.amount();
            if (taken) {
                balances.put(request.account(), balance - request.amount());
            }
            debit = new Debit(request.account(), request.amount(), taken, false);
            debits.put(request.debitId(), debit);
        }
        return debit.reversed() ? "REVERSED" : debit.taken() ? "DEBITED" : "INSUFFICIENT_FUNDS";
    }

    private synchronized void reverseOne(UUID debitId) {
        Debit debit = debits.get(debitId);
        if (debit == null) {
            debits.put(debitId, new Debit(null, 0, false, true));
        } else if (!debit.reversed()) {
            if (debit.taken()) {
                balances.merge(debit.account(), debit.amount(), Long::sum);
            }
            debits.put(debitId, new Debit(debit.account(), debit.amount(), false, true));
        }
    }

    private boolean lost() {
        return ThreadLocalRandom.current().nextDouble() < failureRate;
    }

    private synchronized boolean losing(DebitRequest request) {
        return losing.contains(request.account());
    }

    /** The call set to stall (tests) answers only after {@code stallNext}: its caller has timed out by then. */
    private void stall() throws InterruptedException {
        Duration stall = stallNext.getAndSet(null);
        if (stall != null) {
            Thread.sleep(stall);
        }
    }

    synchronized long balance(String account) {
        return balances.getOrDefault(account, openingBalance);
    }

    synchronized void setBalance(String account, long cents) {
        balances.put(account, cents);
    }

    /** Whether the debit is taken and not reversed. */
    synchronized boolean holds(UUID debitId) {
        Debit debit = debits.get(debitId);
        return debit != null && debit.taken() && !debit.reversed();
    }

    void failureRate(double rate) {
        failureRate = rate;
    }

    /** Every debit of the account is taken and its answer lost; its reversals are answered (tests). */
    synchronized void loseDebitAnswersOf(String account) {
        losing.add(account);
    }

    /** The next call does its work, then waits this long before answering (tests). */
    void stallNextCall(Duration stall) {
        stallNext.set(stall);
    }

    /** Batch calls served so far (tests). */
    int batchCalls() {
        return batchCalls.get();
    }
}
