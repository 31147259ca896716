package dev.paddock.tote.betting;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paddock.parimutuel.BetType;
import dev.paddock.tote.RaceCard;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Pool totals are added by inserting the new combinations, then updating the others (tote V18), every writer in
 * the primary key's order, so that concurrent batches neither deadlock nor lose a stake.
 */
@SpringBootTest
@ActiveProfiles("test")
class PoolTotalsIT {

    @Autowired
    ToteFixtures tote;

    @Autowired
    BetStore store;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void theWritersOrderIsThePrimaryKeysOrder() {
        Random random = new Random(3);
        List<BetStore.PoolCombination> combinations = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            // pools with the high bit set or not, sharing halves; keys negative or not
            UUID pool = new UUID((random.nextInt(4) - 2L) << 62 | random.nextInt(3),
                    random.nextBoolean() ? random.nextLong() : random.nextInt(3));
            combinations.add(new BetStore.PoolCombination(pool, random.nextInt(7) - 3));
        }
        List<BetStore.PoolCombination> java = combinations.stream().distinct().sorted(BetStore.KEY_ORDER).toList();

        List<BetStore.PoolCombination> postgres = jdbc.sql("""
                        select distinct p, k from unnest(?::uuid[], ?::bigint[]) as t(p, k) order by p, k""")
                .params(combinations.stream().map(BetStore.PoolCombination::poolId).toArray(UUID[]::new),
                        combinations.stream().map(BetStore.PoolCombination::key).toArray(Long[]::new))
                .query((rs, row) -> new BetStore.PoolCombination(rs.getObject(1, UUID.class), rs.getLong(2))).list();

        assertThat(java).containsExactlyElementsOf(postgres);
    }

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
        }
    }

    @Test
    void aCancellationTakesItsStakesBackFromRowsThatExist() {
        UUID pool = ToteFixtures.pool(tote.openRace(), BetType.SIMPLE_GAGNANT).id();
        List<BetStore.PoolCombination> combinations = List.of(new BetStore.PoolCombination(pool, 5),
                new BetStore.PoolCombination(pool, 2));
        TransactionTemplate transaction = new TransactionTemplate(transactions);

        transaction.executeWithoutResult(status -> store.addToTotals(combinations, new long[] {500, 200}));
        transaction.executeWithoutResult(status -> store.addToTotals(combinations, new long[] {100, 100}));
        transaction.executeWithoutResult(status -> store.subtractFromTotals(combinations.subList(0, 1),
                new long[] {250}));

        assertThat(jdbc.sql("select combination_key, stake_cents from tote.pool_totals where pool_id = ? order by 1")
                .param(pool).query((rs, row) -> rs.getLong(1) + "=" + rs.getLong(2)).list())
                .containsExactly("2=300", "5=350");
    }
}
