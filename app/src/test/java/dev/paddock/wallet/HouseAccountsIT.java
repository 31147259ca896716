package dev.paddock.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paddock.identity.AccountId;
import dev.paddock.shared.Money;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The first purchases of a new kind, all at once, each in a transaction that already holds a pooled
 * connection: the house account they share is opened without a second connection, so they cannot starve
 * the pool (the opening rush of an event once did), and a rolled-back opening is not remembered.
 */
@SpringBootTest
@ActiveProfiles("test")
class HouseAccountsIT {

    /** As many as the pool's connections: each holds one when it first needs the house account. */
    static final int BUYERS = 20;

    @Autowired
    Wallets wallets;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void manyFirstPurchasesAtOnceOpenTheirHouseAccountOnce() throws Exception {
        String module = "rush" + ThreadLocalRandom.current().nextInt(1_000_000);
        List<AccountId> buyers = new ArrayList<>();
        for (int i = 0; i < BUYERS; i++) {
            AccountId buyer = AccountId.random();
            wallets.deposit(buyer, Money.parse("20.00"), IdempotencyKey.of("test:" + UUID.randomUUID()));
            buyers.add(buyer);
        }
        CountDownLatch start = new CountDownLatch(1);
        CyclicBarrier allHoldAConnection = new CyclicBarrier(BUYERS);
        List<Future<Movement>> debits = new ArrayList<>();
        try (var executor = Executors.newFixedThreadPool(BUYERS)) {
            for (AccountId buyer : buyers) {
                debits.add(executor.submit(() -> {
                    start.await();
                    return new TransactionTemplate(transactions).execute(status -> {
                        jdbc.sql("select 1").query(Integer.class).single();
                        try {
                            allHoldAConnection.await(5, TimeUnit.SECONDS);
                        } catch (BrokenBarrierException | TimeoutException | InterruptedException e) {
                            // a background job held a connection: the rush goes on with fewer holders
                        }
                        UUID order = UUID.randomUUID();
                        return wallets.debit(buyer, Money.parse("5.00"), Purpose.purchase(module, order),
                                IdempotencyKey.of("test:" + order));
                    });
                }));
            }
            start.countDown();
            for (Future<Movement> debit : debits) {
                assertThat(debit.get().amount()).isEqualTo(Money.parse("-5.00"));
            }
        }
        assertThat(jdbc.sql("select count(*) from wallet.ledger_accounts where code = ?").params("purchases:" + module)
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void aHouseAccountOpenedInARolledBackTransactionIsOpenedAgainNextTime() {
        String module = "gone" + ThreadLocalRandom.current().nextInt(1_000_000);
        AccountId buyer = AccountId.random();
        wallets.deposit(buyer, Money.parse("20.00"), IdempotencyKey.of("test:" + UUID.randomUUID()));
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            wallets.debit(buyer, Money.parse("5.00"), Purpose.purchase(module, "a"), IdempotencyKey.of("test:" + UUID.randomUUID()));
            status.setRollbackOnly();
        });
        Movement kept = wallets.debit(buyer, Money.parse("5.00"), Purpose.purchase(module, "b"),
                IdempotencyKey.of("test:" + UUID.randomUUID()));
        assertThat(kept.amount()).isEqualTo(Money.parse("-5.00"));
        assertThat(jdbc.sql("select count(*) from wallet.ledger_accounts where code = ?").params("purchases:" + module)
                .query(Integer.class).single()).isEqualTo(1);
    }
}
