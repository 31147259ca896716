package dev.paddock.tote.betting;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Folds the pool-total changes that bet batches, sagas and cancellations append ({@link BetStore#addToTotals}) into
 * {@code tote.pool_totals}, about every second, {@value #CHANGES_PER_FOLD} changes a transaction, until none is left.
 * One fold runs at a time across nodes (tote V20); a node that finds another folding leaves it the work. The totals
 * are exact without it ({@code tote.pool_stakes} adds the changes not folded yet): folding keeps that view cheap.
 */
@Component
class PoolTotalsKeeper {

    private static final Logger log = LoggerFactory.getLogger(PoolTotalsKeeper.class);
    static final int CHANGES_PER_FOLD = 1_000;

    private final BetStore store;
    private final TransactionTemplate transaction;
    private final Timer folds;
    private final Counter changes;

    PoolTotalsKeeper(BetStore store, PlatformTransactionManager transactions, MeterRegistry meters) {
        this.store = store;
        this.transaction = new TransactionTemplate(transactions);
        this.folds = Timer.builder("paddock.tote.totals.fold")
                .description("Folds of pool-total changes into tote.pool_totals (one transaction each)")
                .publishPercentiles(0.5, 0.99).register(meters);
        this.changes = Counter.builder("paddock.tote.totals.changes.folded")
                .description("Pool-total changes (one per bet batch or cancellation) folded into tote.pool_totals")
                .register(meters);
    }

    @Scheduled(fixedDelayString = "${paddock.tote.betting.totals-fold-every:1s}")
    void foldAll() {
        try {
            int folded;
            do {
                folded = fold();
            } while (folded == CHANGES_PER_FOLD);
        } catch (RuntimeException e) {
            // the changes stay where they are, counted by tote.pool_stakes; the next round folds them
            log.warn("Pool-total changes could not be folded: {}", e.toString());
        }
    }

    /** One fold: how many changes it folded, or -1 when another transaction was folding. */
    int fold() {
        long started = System.nanoTime();
        // BetStore.foldTotals answers 0 for nothing folded, so the boxed result is never null
        int n = transaction.execute(status -> store.foldTotals(CHANGES_PER_FOLD));
        if (n > 0) {
            folds.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            changes.increment(n);
        }
        return n;
    }
}
