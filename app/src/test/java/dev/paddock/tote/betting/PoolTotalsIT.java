package dev.paddock.tote.betting;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paddock.parimutuel.BetType;
import dev.paddock.tote.RaceCard;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Pool totals: each batch appends its change (tote V20) and {@link PoolTotalsKeeper} folds the changes into
 * {@code tote.pool_totals}; {@code tote.pool_stakes} is exact before and after a fold, concurrent batches lose no
 * stake, a cancellation's change never takes the totals below zero, and one fold runs at a time.
 */
@SpringBootTest
@ActiveProfiles("test")
class PoolTotalsIT {

    @Autowired
    ToteFixtures tote;

    @Autowired
    BetStore store;

    @Autowired
    PoolTotalsKeeper keeper;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void concurrentBatchesOverTheSameCombinationsAddEveryStakeOnce() throws Exception {
        RaceCard race = tote.openRace();
        List<UUID> pools = List.of(ToteFixtures.pool(race, BetType.SIMPLE_GAGNANT).id(),
                ToteFixtures.pool(race, BetType.COUPLE_GAGNANT).id());
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Long>> added = new ArrayList<>();
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int t = 0; t < 6; t++) {
                int thread = t;
                added.add(executor.submit(() -> {
                    start.await();
                    Random random = new Random(thread);
                    long cents = 0;
                    for (int round = 0; round < 20; round++) {
                        // existing and new combinations of both pools, each batch in its own order; keys from 1,
                        // as a pool's keys are (0 is no combination): the rows stay in the shared test database and
                        // the bet writers of every later test context load them
                        List<BetStore.PoolCombination> batch = new ArrayList<>();
                        for (int key = 0; key < 40; key++) {
                            if (random.nextInt(3) > 0) {
                                batch.add(new BetStore.PoolCombination(pools.get(key % 2), 1 + key * 7L + round % 3));
                            }
                        }
                        java.util.Collections.shuffle(batch, random);
                        long[] stakes = new long[batch.size()];
                        Arrays.fill(stakes, 100 + thread);
                        transaction.executeWithoutResult(status -> store.addToTotals(batch, stakes));
                        cents += (100L + thread) * batch.size();
                    }
                    return cents;
                }));
            }
            start.countDown();
            long total = 0;
            for (Future<Long> future : added) {
                total += future.get();
            }
            assertThat(tote.poolTotal(pools.get(0)) + tote.poolTotal(pools.get(1))).isEqualTo(total);
            foldEverything();
            assertThat(folded(pools.get(0)) + folded(pools.get(1))).isEqualTo(total);
            assertThat(tote.poolTotal(pools.get(0)) + tote.poolTotal(pools.get(1))).isEqualTo(total);
        }
    }

    @Test
    void theStakesAreExactBeforeTheFoldAndAfterIt() throws Exception {
        UUID pool = ToteFixtures.pool(tote.openRace(), BetType.SIMPLE_GAGNANT).id();
        List<BetStore.PoolCombination> combinations = List.of(new BetStore.PoolCombination(pool, 5),
                new BetStore.PoolCombination(pool, 2));
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            // another node folding: this node's keeper leaves it the work
            try (var statement = other.createStatement()) {
                statement.execute("select pg_advisory_xact_lock(hashtext('tote.fold_pool_total_changes'))");
            }
            transaction.executeWithoutResult(status -> store.addToTotals(combinations, new long[] {500, 200}));
            transaction.executeWithoutResult(status -> store.addToTotals(combinations, new long[] {100, 100}));
            transaction.executeWithoutResult(status -> store.subtractFromTotals(combinations.subList(0, 1),
                    new long[] {250}));

            assertThat(keeper.fold()).isEqualTo(-1);
            assertThat(stakes(pool, "tote.pool_stakes")).containsExactly("2=300", "5=350");
            assertThat(stakes(pool, "tote.pool_totals")).isEmpty();
            other.rollback();
        }

        foldEverything();

        assertThat(stakes(pool, "tote.pool_totals")).containsExactly("2=300", "5=350");
        assertThat(stakes(pool, "tote.pool_stakes")).containsExactly("2=300", "5=350");
    }

    @Test
    void aFoldTakesTheOldestChangesFirstAndLeavesTheRestCounted() {
        UUID pool = ToteFixtures.pool(tote.openRace(), BetType.SIMPLE_GAGNANT).id();
        List<BetStore.PoolCombination> one = List.of(new BetStore.PoolCombination(pool, 3));
        int additions = PoolTotalsKeeper.CHANGES_PER_FOLD + 4;
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            for (int i = 0; i < additions; i++) {
                store.addToTotals(one, new long[] {100});
            }
            // takes back all but one addition: more than any fold of additions alone would leave, were it first
            store.subtractFromTotals(one, new long[] {100L * (additions - 1)});

            // in this transaction (which now holds the fold to itself): the oldest CHANGES_PER_FOLD, all additions
            assertThat(store.foldTotals(PoolTotalsKeeper.CHANGES_PER_FOLD)).isEqualTo(PoolTotalsKeeper.CHANGES_PER_FOLD);
            assertThat(folded(pool)).isEqualTo(100L * PoolTotalsKeeper.CHANGES_PER_FOLD);
            assertThat(tote.poolTotal(pool)).isEqualTo(100);
        });

        foldEverything();

        assertThat(folded(pool)).isEqualTo(100);
        assertThat(jdbc.sql("select count(*) from tote.pool_total_changes j where ? = any(j.pools)").param(pool)
                .query(Long.class).single()).isZero();
    }

    /** Folds until no change is left; a fold the scheduled keeper is running meanwhile is waited for. */
    private void foldEverything() {
        for (int round = 0; round < 1_000; round++) {
            int folded = keeper.fold();
            if (folded == 0) {
                return;
            }
            if (folded < 0) {
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        throw new AssertionError("the changes were never all folded");
    }

    private List<String> stakes(UUID pool, String table) {
        return jdbc.sql("select combination_key, stake_cents from " + table + " where pool_id = ? order by 1")
                .param(pool).query((rs, row) -> rs.getLong(1) + "=" + rs.getLong(2)).list();
    }

    private long folded(UUID pool) {
        return jdbc.sql("select coalesce(sum(stake_cents), 0) from tote.pool_totals where pool_id = ?").param(pool)
                .query(Long.class).single();
    }
}
