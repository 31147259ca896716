package dev.paddock.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paddock.identity.AccountId;
import dev.paddock.shared.Money;
import dev.paddock.wallet.DebitOutcome.Status;
import dev.paddock.wallet.LedgerChecks.Posting;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@SpringBootTest
@ActiveProfiles("test")
@AutoConfigureMockMvc
@RecordApplicationEvents
class BatchDebitsIT {

    @Autowired
    ApplicationEvents events;

    @Autowired
    Wallets wallets;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    LedgerChecks ledger;
    TransactionTemplate transaction;

    @BeforeEach
    void setUp() {
        ledger = new LedgerChecks(jdbc);
        transaction = new TransactionTemplate(transactions);
    }

    @Test
    void debitsManyWalletsInOneTransactionWithTheLedgerRulesOfASingleDebit() {
        AccountId ann = funded("10.00");
        AccountId bob = funded("5.00");
        String betA = UUID.randomUUID().toString();
        String betB = UUID.randomUUID().toString();
        String betC = UUID.randomUUID().toString();

        List<DebitOutcome> outcomes = transaction.execute(status -> wallets.debitAll(List.of(
                stake(ann, "2.00", betA), stake(bob, "1.50", betB), stake(ann, "3.00", betC))));

        assertThat(outcomes).extracting(DebitOutcome::status).containsExactly(Status.DEBITED, Status.DEBITED,
                Status.DEBITED);
        assertThat(outcomes).extracting(o -> o.movement().balanceAfter()).containsExactly(
                euros("8.00"), euros("3.50"), euros("5.00"));
        assertThat(outcomes.get(0).movement().amount()).isEqualTo(euros("-2.00"));
        assertThat(outcomes.get(0).movement().reference()).isEqualTo("bet:" + betA);
        // each debit its own entry and wallet posting; the house side once for the batch, the sum of the three
        assertThat(ledger.postings(outcomes.get(2).movement().movementId())).containsExactly(
                new Posting("customer:" + ann, -300, 500L));
        assertThat(outcomes).allSatisfy(o -> assertThat(ledger.batchPostings(o.movement().movementId()))
                .containsExactly(new Posting("tote:pools", 650, null)));
        assertThat(ledger.entriesWithKey("tote:bet:" + betB)).isOne();
        ledger.assertConsistent(ann, 500);
        ledger.assertConsistent(bob, 350);
        assertThat(events.stream(WalletMovementRecorded.class)
                .filter(e -> e.accountId().equals(ann) && e.kind().equals("DEBIT")))
                .extracting(WalletMovementRecorded::balanceAfter).containsExactly(800L, 500L);
    }

    @Test
    void eachHouseAccountOfABatchGetsOnePostingAndADebitAloneOnItsHouseAccountBalancesOnItsOwn() {
        AccountId ann = funded("10.00");
        AccountId bob = funded("10.00");
        String shop = "purchases:test-" + UUID.randomUUID();

        List<DebitOutcome> outcomes = transaction.execute(status -> wallets.debitAll(List.of(
                stake(ann, "1.00", UUID.randomUUID().toString()),
                new BatchDebit(bob, euros("4.00"), new Purpose(shop, "order:1"), IdempotencyKey.of(shop + ":1")),
                stake(bob, "2.00", UUID.randomUUID().toString()))));

        assertThat(ledger.batchPostings(outcomes.get(0).movement().movementId()))
                .containsExactly(new Posting("tote:pools", 300, null));
        assertThat(ledger.batchPostings(outcomes.get(2).movement().movementId()))
                .containsExactly(new Posting("tote:pools", 300, null));
        assertThat(ledger.batchPostings(outcomes.get(1).movement().movementId())).isEmpty();
        assertThat(ledger.postings(outcomes.get(1).movement().movementId())).containsExactly(
                new Posting("customer:" + bob, -400, 600L), new Posting(shop, 400, null));
        ledger.assertConsistent(ann, 900);
        ledger.assertConsistent(bob, 400);
    }

    @Test
    void aDebitWrittenInABatchIsReversedAgainstItsBatchsHouseAccountAndShowsInTheWalletsHistory() {
        AccountId ann = funded("10.00");
        String bet = UUID.randomUUID().toString();
        List<DebitOutcome> outcomes = transaction.execute(status -> wallets.debitAll(List.of(
                stake(ann, "2.00", bet), stake(ann, "3.00", UUID.randomUUID().toString()))));
        Movement debit = outcomes.getFirst().movement();

        Movement reversal = wallets.reverse(debit.movementId(), IdempotencyKey.of("test:reverse:" + bet));

        assertThat(reversal.amount()).isEqualTo(euros("2.00"));
        assertThat(ledger.postings(reversal.movementId())).containsExactly(
                new Posting("customer:" + ann, 200, 700L), new Posting("tote:pools", -200, null));
        // the history reads each movement as before: newest first, after the deposit
        List<Movement> history = wallets.entries(ann, 0, 10).items();
        assertThat(history).hasSize(4);
        assertThat(history.subList(0, 3)).containsExactly(reversal, outcomes.get(1).movement(), debit);
        ledger.assertConsistent(ann, 700);
    }

    @Test
    void debitsOnNewKeysSkipTheLookUpAndAKeyUsedAllTheSameRollsTheCallerBack() {
        AccountId ann = funded("10.00");
        String bet = UUID.randomUUID().toString();

        List<DebitOutcome> first = transaction.execute(status -> wallets.debitAllNewKeys(List.of(
                stake(ann, "1.00", bet), stake(ann, "2.00", UUID.randomUUID().toString()))));
        assertThat(first).extracting(DebitOutcome::status).containsExactly(Status.DEBITED, Status.DEBITED);
        ledger.assertConsistent(ann, 700);

        assertThatThrownBy(() -> transaction.execute(status -> wallets.debitAllNewKeys(List.of(
                stake(ann, "4.00", UUID.randomUUID().toString()), stake(ann, "1.00", bet)))))
                .isInstanceOf(org.springframework.dao.DuplicateKeyException.class);
        assertThat(ledger.entriesWithKey("tote:bet:" + bet)).isOne();
        ledger.assertConsistent(ann, 700);
    }

    @Test
    void aDebitTheWalletCannotPayIsRefusedAloneAndTheWalletsOtherDebitsKeepTheirOrder() {
        AccountId ann = funded("2.50");

        List<DebitOutcome> outcomes = transaction.execute(status -> wallets.debitAll(List.of(
                stake(ann, "1.00", "a-" + UUID.randomUUID()), stake(ann, "2.00", "b-" + UUID.randomUUID()),
                stake(ann, "1.50", "c-" + UUID.randomUUID()), stake(AccountId.random(), "1.00", "d-" + UUID.randomUUID()))));

        assertThat(outcomes).extracting(DebitOutcome::status).containsExactly(Status.DEBITED,
                Status.INSUFFICIENT_FUNDS, Status.DEBITED, Status.INSUFFICIENT_FUNDS);
        assertThat(outcomes.get(1).movement()).isNull();
        assertThat(ledger.entriesWithKey(outcomes.get(1).debit().key().value())).isZero();
        ledger.assertConsistent(ann, 0);
    }

    @Test
    void aKeyAlreadyUsedReplaysWithTheSameContentAndIsRefusedWithOther() {
        AccountId ann = funded("10.00");
        String bet = UUID.randomUUID().toString();
        Movement first = transaction.execute(status -> wallets.debitAll(List.of(stake(ann, "1.00", bet)))).getFirst()
                .movement();

        List<DebitOutcome> again = transaction.execute(status -> wallets.debitAll(List.of(
                stake(ann, "1.00", bet), stake(ann, "2.00", bet))));

        assertThat(again).extracting(DebitOutcome::status).containsExactly(Status.REPLAYED, Status.KEY_REUSED);
        assertThat(again.getFirst().movement()).isEqualTo(first.asReplay());
        assertThat(again).allMatch(o -> o.status() != Status.KEY_REUSED || !o.taken());
        ledger.assertConsistent(ann, 900);
    }

    @Test
    void theSameKeyTwiceInOneBatchIsOneDebit() {
        AccountId ann = funded("10.00");
        String bet = UUID.randomUUID().toString();

        List<DebitOutcome> outcomes = transaction.execute(status -> wallets.debitAll(List.of(
                stake(ann, "1.00", bet), stake(ann, "1.00", bet), stake(ann, "3.00", bet))));

        assertThat(outcomes).extracting(DebitOutcome::status).containsExactly(Status.DEBITED, Status.REPLAYED,
                Status.KEY_REUSED);
        assertThat(outcomes.get(1).movement().movementId()).isEqualTo(outcomes.get(0).movement().movementId());
        ledger.assertConsistent(ann, 900);
    }

    @Test
    void aRolledBackBatchLeavesNoTrace() {
        AccountId ann = funded("10.00");
        String bet = UUID.randomUUID().toString();

        transaction.executeWithoutResult(status -> {
            wallets.debitAll(List.of(stake(ann, "4.00", bet)));
            status.setRollbackOnly();
        });

        assertThat(ledger.entriesWithKey("tote:bet:" + bet)).isZero();
        ledger.assertConsistent(ann, 1000);
    }

    @Test
    void aBatchNeedsTheCallersTransaction() {
        AccountId ann = funded("10.00");

        assertThatThrownBy(() -> wallets.debitAll(List.of(stake(ann, "1.00", UUID.randomUUID().toString()))))
                .isInstanceOf(IllegalTransactionStateException.class);
        ledger.assertConsistent(ann, 1000);
    }

    /**
     * Batches over the same wallets in different orders, and single debits beside them: none deadlocks,
     * no wallet goes below zero, and each balance is its postings' sum.
     */
    @Test
    void concurrentBatchesAndSingleDebitsNeverOverdraw() throws Exception {
        List<AccountId> accounts = List.of(funded("20.00"), funded("20.00"), funded("20.00"));
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Long>> taken = new ArrayList<>();
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int t = 0; t < 8; t++) {
                int thread = t;
                taken.add(executor.submit(() -> {
                    start.await();
                    long cents = 0;
                    for (int round = 0; round < 5; round++) {
                        List<BatchDebit> batch = new ArrayList<>();
                        for (int i = 0; i < 12; i++) {
                            AccountId account = accounts.get((i + thread) % accounts.size());
                            batch.add(stake(account, "1.00", UUID.randomUUID().toString()));
                        }
                        cents += retrying(() -> transaction.execute(status -> wallets.debitAll(batch)).stream()
                                .filter(DebitOutcome::taken).mapToLong(o -> o.debit().amount().cents()).sum());
                    }
                    return cents;
                }));
                taken.add(executor.submit(() -> {
                    start.await();
                    long cents = 0;
                    for (int i = 0; i < 10; i++) {
                        AccountId account = accounts.get((i + thread) % accounts.size());
                        String key = "tote:single:" + UUID.randomUUID();
                        cents += retrying(() -> {
                            try {
                                wallets.debit(account, euros("1.00"), Purpose.bet("tote", key), IdempotencyKey.of(key));
                                return 100L;
                            } catch (InsufficientFunds refused) {
                                return 0L;
                            }
                        });
                    }
                    return cents;
                }));
            }
            start.countDown();
            long total = 0;
            for (Future<Long> future : taken) {
                total += future.get();
            }
            assertThat(total).isEqualTo(6000);
        }
        for (AccountId account : accounts) {
            ledger.assertConsistent(account, 0);
        }
    }

    private static long retrying(java.util.concurrent.Callable<Long> work) throws Exception {
        while (true) {
            try {
                return work.call();
            } catch (CannotCreateTransactionException | CannotAcquireLockException busy) {
                // nothing was written: the pool ran dry or the database chose this one as a deadlock victim
            }
        }
    }

    private AccountId funded(String euros) {
        AccountId account = AccountId.random();
        wallets.deposit(account, euros(euros), IdempotencyKey.of("test:" + UUID.randomUUID()));
        return account;
    }

    private static BatchDebit stake(AccountId account, String euros, String betId) {
        return new BatchDebit(account, euros(euros), Purpose.bet("tote", betId), IdempotencyKey.of("tote:bet:" + betId));
    }

    private static Money euros(String amount) {
        return Money.parse(amount);
    }
}
