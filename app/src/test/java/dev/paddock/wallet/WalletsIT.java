package dev.paddock.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paddock.identity.AccountId;
import dev.paddock.shared.Money;
import dev.paddock.shared.ProblemException;
import dev.paddock.wallet.LedgerChecks.Posting;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

@SpringBootTest
@ActiveProfiles("test")
@AutoConfigureMockMvc
@RecordApplicationEvents
class WalletsIT {

    @Autowired
    ApplicationEvents events;

    @Autowired
    Wallets wallets;

    @Autowired
    JdbcClient jdbc;

    LedgerChecks ledger;
    AccountId account;

    @BeforeEach
    void newAccount() {
        ledger = new LedgerChecks(jdbc);
        account = AccountId.random();
    }

    @Test
    void aNewAccountHasAnEmptyWallet() {
        WalletView wallet = wallets.wallet(account);

        assertThat(wallet.balance()).isEqualTo(Money.ZERO);
        assertThat(wallets.entries(account, 0, 10).total()).isZero();
        ledger.assertConsistent(account, 0);
    }

    @Test
    void aDepositCreditsTheWalletAgainstPaymentClearing() {
        Movement deposit = wallets.deposit(account, euros("50.00"), key());

        assertThat(deposit.kind()).isEqualTo(MovementKind.DEPOSIT);
        assertThat(deposit.amount()).isEqualTo(euros("50.00"));
        assertThat(deposit.balanceAfter()).isEqualTo(euros("50.00"));
        assertThat(deposit.reference()).startsWith("payment:sim_ch_");
        assertThat(deposit.replayed()).isFalse();
        assertThat(ledger.postings(deposit.movementId())).containsExactly(
                new Posting("customer:" + account, 5000, 5000L),
                new Posting("operator:payment-clearing", -5000, null));
        assertThat(wallets.wallet(account).balance()).isEqualTo(euros("50.00"));
        ledger.assertConsistent(account, 5000);
    }

    @Test
    void aWithdrawalTakesFromTheWalletTowardsTheBank() {
        wallets.deposit(account, euros("100.00"), key());

        Movement withdrawal = wallets.withdraw(account, euros("30.00"), key());

        assertThat(withdrawal.kind()).isEqualTo(MovementKind.WITHDRAWAL);
        assertThat(withdrawal.amount()).isEqualTo(euros("-30.00"));
        assertThat(withdrawal.balanceAfter()).isEqualTo(euros("70.00"));
        assertThat(ledger.postings(withdrawal.movementId())).containsExactly(
                new Posting("customer:" + account, -3000, 7000L),
                new Posting("operator:payment-clearing", 3000, null));
        ledger.assertConsistent(account, 7000);
    }

    @Test
    void debitsGoToTheirPurposesCounterAccount() {
        wallets.deposit(account, euros("20.00"), key());
        UUID bet = UUID.randomUUID();

        Movement stake = wallets.debit(account, euros("5.00"), Purpose.bet("tote", bet), key());
        Movement ticket = wallets.debit(account, euros("12.50"), Purpose.purchase("events", "order-7"), key());
        Movement fee = wallets.debit(account, euros("0.50"), Purpose.fee("card-fee-1"), key());

        assertThat(stake.kind()).isEqualTo(MovementKind.DEBIT);
        assertThat(stake.reference()).isEqualTo("bet:" + bet);
        assertThat(ledger.postings(stake.movementId())).containsExactly(
                new Posting("customer:" + account, -500, 1500L), new Posting("tote:pools", 500, null));
        assertThat(ledger.postings(ticket.movementId())).containsExactly(
                new Posting("customer:" + account, -1250, 250L), new Posting("purchases:events", 1250, null));
        assertThat(ledger.postings(fee.movementId())).containsExactly(
                new Posting("customer:" + account, -50, 200L), new Posting("operator:fees", 50, null));
        ledger.assertConsistent(account, 200);
    }

    @Test
    void creditsComeFromTheirPurposesCounterAccount() {
        Movement payout = wallets.credit(account, euros("42.00"), Purpose.payout("tote", "race-3"), key());
        Movement refund = wallets.credit(account, euros("8.00"), Purpose.refund("events", "order-9"), key());

        assertThat(payout.kind()).isEqualTo(MovementKind.CREDIT);
        assertThat(ledger.postings(payout.movementId())).containsExactly(
                new Posting("customer:" + account, 4200, 4200L), new Posting("tote:payouts", -4200, null));
        assertThat(ledger.postings(refund.movementId())).containsExactly(
                new Posting("customer:" + account, 800, 5000L), new Posting("purchases:events", -800, null));
        ledger.assertConsistent(account, 5000);
    }

    @Test
    void aDebitBeyondTheBalanceIsRefusedAndWritesNothing() {
        wallets.deposit(account, euros("10.00"), key());
        IdempotencyKey key = key();

        assertThatThrownBy(() -> wallets.debit(account, euros("10.01"), Purpose.bet("tote", 1), key))
                .isInstanceOf(InsufficientFunds.class)
                .extracting(e -> ((ProblemException) e).slug()).isEqualTo("insufficient-funds");

        assertThat(ledger.entriesWithKey(key.value())).isZero();
        ledger.assertConsistent(account, 1000);
    }

    @Test
    void anAccountThatNeverDepositedCannotBeDebited() {
        assertThatThrownBy(() -> wallets.debit(account, euros("0.01"), Purpose.bet("tote", 1), key()))
                .isInstanceOf(InsufficientFunds.class);
        assertThatThrownBy(() -> wallets.withdraw(account, euros("0.01"), key()))
                .isInstanceOf(InsufficientFunds.class);
        ledger.assertConsistent(account, 0);
    }

    @Test
    void amountsMustBePositive() {
        assertThatThrownBy(() -> wallets.debit(account, Money.ZERO, Purpose.bet("tote", 1), key()))
                .isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.fieldProblems()).extracting(ProblemException.FieldProblem::field)
                                .containsExactly("amount"));
        assertThatThrownBy(() -> wallets.credit(account, euros("-1.00"), Purpose.payout("tote", 1), key()))
                .isInstanceOf(ProblemException.class);
    }

    @Test
    void reversingADebitRefundsItOnce() {
        wallets.deposit(account, euros("20.00"), key());
        Movement stake = wallets.debit(account, euros("5.00"), Purpose.bet("tote", 1), key());
        IdempotencyKey key = key();

        Movement reversal = wallets.reverse(stake.movementId(), key);

        assertThat(reversal.kind()).isEqualTo(MovementKind.REVERSAL);
        assertThat(reversal.amount()).isEqualTo(euros("5.00"));
        assertThat(reversal.balanceAfter()).isEqualTo(euros("20.00"));
        assertThat(reversal.reference()).isEqualTo(stake.reference());
        assertThat(ledger.postings(reversal.movementId())).containsExactly(
                new Posting("customer:" + account, 500, 2000L), new Posting("tote:pools", -500, null));
        assertThat(wallets.reverse(stake.movementId(), key)).isEqualTo(reversal.asReplay());
        assertThatThrownBy(() -> wallets.reverse(stake.movementId(), key()))
                .isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.slug()).isEqualTo("already-reversed"));
        ledger.assertConsistent(account, 2000);
    }

    @Test
    void aReversalCannotBeReversed() {
        Movement credit = wallets.credit(account, euros("5.00"), Purpose.payout("tote", 1), key());
        Movement reversal = wallets.reverse(credit.movementId(), key());

        assertThatThrownBy(() -> wallets.reverse(reversal.movementId(), key()))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.slug()).isEqualTo("not-reversible"));
        ledger.assertConsistent(account, 0);
    }

    @Test
    void reversingAnUnknownMovementIsNotFound() {
        assertThatThrownBy(() -> wallets.reverse(UUID.randomUUID(), key()))
                .isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.slug()).isEqualTo("movement-not-found"));
    }

    @Test
    void reversingADepositNeverMakesTheWalletNegative() {
        Movement deposit = wallets.deposit(account, euros("50.00"), key());
        wallets.debit(account, euros("30.00"), Purpose.bet("tote", 2), key());

        assertThatThrownBy(() -> wallets.reverse(deposit.movementId(), key())).isInstanceOf(InsufficientFunds.class);
        ledger.assertConsistent(account, 2000);

        wallets.credit(account, euros("30.00"), Purpose.payout("tote", 2), key());
        Movement reversal = wallets.reverse(deposit.movementId(), key());
        assertThat(reversal.amount()).isEqualTo(euros("-50.00"));
        assertThat(ledger.postings(reversal.movementId())).containsExactly(
                new Posting("customer:" + account, -5000, 0L), new Posting("operator:payment-clearing", 5000, null));
        ledger.assertConsistent(account, 0);
    }

    @Test
    void theSameKeyTwiceMovesOnceAndAnswersTheSame() {
        wallets.deposit(account, euros("20.00"), key());
        IdempotencyKey key = key();

        Movement first = wallets.debit(account, euros("3.00"), Purpose.bet("tote", 5), key);
        Movement second = wallets.debit(account, euros("3.00"), Purpose.bet("tote", 5), key);

        assertThat(second.replayed()).isTrue();
        assertThat(second).isEqualTo(first.asReplay());
        assertThat(ledger.entriesWithKey(key.value())).isEqualTo(1);
        ledger.assertConsistent(account, 1700);
    }

    @Test
    void theSameKeyWithOtherContentIsRejected() {
        wallets.deposit(account, euros("20.00"), key());
        IdempotencyKey key = key();
        wallets.debit(account, euros("3.00"), Purpose.bet("tote", 5), key);

        assertThatThrownBy(() -> wallets.debit(account, euros("4.00"), Purpose.bet("tote", 5), key))
                .isInstanceOf(IdempotencyKeyReused.class)
                .extracting(e -> ((ProblemException) e).slug()).isEqualTo("idempotency-key-reused");
        assertThatThrownBy(() -> wallets.debit(account, euros("3.00"), Purpose.bet("tote", 6), key))
                .isInstanceOf(IdempotencyKeyReused.class);
        assertThatThrownBy(() -> wallets.credit(account, euros("3.00"), Purpose.payout("tote", 5), key))
                .isInstanceOf(IdempotencyKeyReused.class);
        assertThatThrownBy(() -> wallets.debit(AccountId.random(), euros("3.00"), Purpose.bet("tote", 5), key))
                .isInstanceOf(IdempotencyKeyReused.class);
        ledger.assertConsistent(account, 1700);
    }

    @Test
    void fiftyConcurrentDebitsWithOneKeyMoveOnce() throws Exception {
        wallets.deposit(account, euros("20.00"), key());
        IdempotencyKey key = key();

        List<Movement> results = concurrently(50, () -> wallets.debit(account, euros("1.00"), Purpose.bet("tote", 9), key));

        assertThat(results).extracting(Movement::movementId).containsOnly(results.getFirst().movementId());
        assertThat(results).filteredOn(m -> !m.replayed()).hasSize(1);
        ledger.assertConsistent(account, 1900);
    }

    @Test
    void fiftyConcurrentDepositsWithOneKeyMoveOnce() throws Exception {
        IdempotencyKey key = key();

        List<Movement> results = concurrently(50, () -> wallets.deposit(account, euros("7.00"), key));

        assertThat(results).extracting(Movement::movementId).containsOnly(results.getFirst().movementId());
        assertThat(results).filteredOn(m -> !m.replayed()).hasSize(1);
        assertThat(ledger.entriesWithKey(key.value())).isEqualTo(1);
        ledger.assertConsistent(account, 700);
    }

    @Test
    void aDeclinedDepositWritesNoMovementAndStaysDeclinedOnRetry() {
        IdempotencyKey key = key();

        assertThatThrownBy(() -> wallets.deposit(account, euros("666.00"), key))
                .isInstanceOfSatisfying(PaymentDeclined.class, e -> {
                    assertThat(e.slug()).isEqualTo("payment-declined");
                    assertThat(e.reason()).isEqualTo("card declined");
                });
        assertThatThrownBy(() -> wallets.deposit(account, euros("666.00"), key)).isInstanceOf(PaymentDeclined.class);
        assertThatThrownBy(() -> wallets.deposit(account, euros("10.00"), key))
                .isInstanceOf(IdempotencyKeyReused.class);

        assertThat(ledger.entriesWithKey(key.value())).isZero();
        assertThat(jdbc.sql("select outcome from wallet.payment_attempts where idempotency_key = :key")
                .param("key", key.value()).query(String.class).single()).isEqualTo("DECLINED");
        ledger.assertConsistent(account, 0);
    }

    @Test
    void aRetriedDepositChargesOnce() {
        IdempotencyKey key = key();

        Movement first = wallets.deposit(account, euros("25.00"), key);
        Movement retry = wallets.deposit(account, euros("25.00"), key);

        assertThat(retry).isEqualTo(first.asReplay());
        assertThat(jdbc.sql("select count(*) from wallet.payment_attempts where idempotency_key = :key")
                .param("key", key.value()).query(Long.class).single()).isEqualTo(1);
        ledger.assertConsistent(account, 2500);
    }

    @Test
    void aDepositAboveTheMaximumIsRefusedOnTheAmountField() {
        assertThatThrownBy(() -> wallets.deposit(account, euros("10000.01"), key()))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status().value()).isEqualTo(400);
                    assertThat(e.fieldProblems()).extracting(ProblemException.FieldProblem::field)
                            .containsExactly("amount");
                });
        assertThat(wallets.deposit(account, euros("10000.00"), key()).balanceAfter()).isEqualTo(euros("10000.00"));
    }

    @Test
    void entriesAreListedNewestFirstAndPaged() {
        wallets.deposit(account, euros("10.00"), key());
        wallets.debit(account, euros("1.00"), Purpose.bet("tote", 1), key());
        Movement last = wallets.debit(account, euros("2.00"), Purpose.bet("tote", 2), key());

        Page<Movement> first = wallets.entries(account, 0, 2);
        Page<Movement> second = wallets.entries(account, 1, 2);

        assertThat(first.total()).isEqualTo(3);
        assertThat(first.items()).hasSize(2);
        assertThat(first.items().getFirst()).isEqualTo(last);
        assertThat(first.hasNext()).isTrue();
        assertThat(second.items()).extracting(Movement::kind).containsExactly(MovementKind.DEPOSIT);
        assertThat(second.hasNext()).isFalse();
        assertThatThrownBy(() -> wallets.entries(account, 0, 201)).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> wallets.entries(account, -1, 10)).isInstanceOf(ProblemException.class);
    }

    @Test
    void eachMovementPublishesOneWalletMovementRecordedAndAReplayNone() {
        Movement deposit = wallets.deposit(account, euros("10.00"), key());
        IdempotencyKey key = key();
        Movement debit = wallets.debit(account, euros("4.00"), Purpose.bet("tote", 3), key);
        wallets.debit(account, euros("4.00"), Purpose.bet("tote", 3), key);
        assertThatThrownBy(() -> wallets.debit(account, euros("40.00"), Purpose.bet("tote", 4), key()))
                .isInstanceOf(InsufficientFunds.class);
        Movement reversal = wallets.reverse(debit.movementId(), key());

        assertThat(events.stream(WalletMovementRecorded.class).filter(e -> e.accountId().equals(account)))
                .containsExactly(
                        new WalletMovementRecorded(account, deposit.movementId(), "DEPOSIT", 1000, 1000, deposit.at()),
                        new WalletMovementRecorded(account, debit.movementId(), "DEBIT", -400, 600, debit.at()),
                        new WalletMovementRecorded(account, reversal.movementId(), "REVERSAL", 400, 1000,
                                reversal.at()));
    }

    private static <T> List<T> concurrently(int threads, Callable<T> task) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<T>> futures = IntStream.range(0, threads).mapToObj(i -> executor.submit(() -> {
                start.await();
                return task.call();
            })).toList();
            start.countDown();
            return futures.stream().map(f -> {
                try {
                    return f.get();
                } catch (InterruptedException | ExecutionException e) {
                    throw new AssertionError(e);
                }
            }).toList();
        }
    }

    static IdempotencyKey key() {
        return IdempotencyKey.of("test:" + UUID.randomUUID());
    }

    static Money euros(String amount) {
        return Money.parse(amount);
    }
}
