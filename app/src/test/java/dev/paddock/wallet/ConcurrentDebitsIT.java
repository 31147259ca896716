package dev.paddock.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paddock.identity.AccountId;
import dev.paddock.shared.Money;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * A thousand debits released at once on one wallet that can pay for half of them: the conditional update
 * lets exactly that half through and the balance never dips below zero.
 */
@SpringBootTest
@ActiveProfiles("test")
@AutoConfigureMockMvc
class ConcurrentDebitsIT {

    static final int DEBITS = 1_000;

    @Autowired
    Wallets wallets;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aThousandConcurrentDebitsNeverOverdrawTheWallet() throws Exception {
        AccountId account = AccountId.random();
        wallets.deposit(account, Money.parse("500.00"), IdempotencyKey.of("test:" + UUID.randomUUID()));
        CountDownLatch start = new CountDownLatch(1);

        List<Object> outcomes = new ArrayList<>();
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Object>> futures = new ArrayList<>();
            for (int i = 0; i < DEBITS; i++) {
                IdempotencyKey key = IdempotencyKey.of("test:stake:" + UUID.randomUUID());
                futures.add(executor.submit(() -> {
                    start.await();
                    return debitRetryingOnPoolTimeout(account, key);
                }));
            }
            start.countDown();
            for (Future<Object> future : futures) {
                outcomes.add(future.get());
            }
        }

        List<Movement> accepted = outcomes.stream().filter(Movement.class::isInstance).map(Movement.class::cast).toList();
        assertThat(accepted).hasSize(500);
        assertThat(accepted).noneMatch(Movement::replayed);
        assertThat(outcomes).filteredOn(InsufficientFunds.class::isInstance).hasSize(500);
        // Each accepted debit saw its own balance: 499.00, 498.00 ... 0.00, never below.
        assertThat(accepted).extracting(m -> m.balanceAfter().cents())
                .containsExactlyInAnyOrderElementsOf(LongStream.range(0, 500).map(c -> c * 100).boxed().toList());
        assertThat(wallets.wallet(account).balance()).isEqualTo(Money.ZERO);
        assertThat(jdbc.sql("""
                        select min(p.balance_after) from wallet.postings p
                        join wallet.ledger_accounts a on a.id = p.ledger_account_id where a.owner_account = :owner""")
                .param("owner", account.value()).query(Long.class).single()).isZero();
        new LedgerChecks(jdbc).assertConsistent(account, 0);
        assertThat(new LedgerChecks(jdbc).movementsOf(account)).isEqualTo(501);
    }

    /**
     * A thousand callers share a pool of twenty connections; one that waits past the pool's timeout retries
     * with the same key, as any caller should, and the key makes the retry safe.
     */
    private Object debitRetryingOnPoolTimeout(AccountId account, IdempotencyKey key) {
        while (true) {
            try {
                return wallets.debit(account, Money.parse("1.00"), Purpose.bet("tote", key.value()), key);
            } catch (InsufficientFunds refused) {
                return refused;
            } catch (CannotCreateTransactionException poolTimeout) {
                // waited too long for a connection: nothing was written, go again with the same key
            }
        }
    }
}
