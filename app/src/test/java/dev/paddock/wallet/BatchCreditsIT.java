package dev.paddock.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paddock.identity.AccountId;
import dev.paddock.shared.Money;
import dev.paddock.wallet.LedgerChecks.Posting;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@SpringBootTest
@ActiveProfiles("test")
class BatchCreditsIT {

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
    void creditsManyWalletsInOneTransactionWithOneHousePostingPerBatch() {
        AccountId ann = funded("10.00");
        AccountId bob = funded("5.00");
        AccountId newcomer = AccountId.random();
        String pool = UUID.randomUUID().toString();

        List<Movement> movements = transaction.execute(status -> wallets.creditAll(List.of(
                payout(ann, "2.00", pool + ":a1"), payout(bob, "1.50", pool + ":b"), payout(ann, "3.00", pool + ":a2"),
                payout(newcomer, "0.40", pool + ":n"))));

        assertThat(movements).extracting(Movement::balanceAfter).containsExactly(
                euros("12.00"), euros("6.50"), euros("15.00"), euros("0.40"));
        assertThat(movements).noneMatch(Movement::replayed);
        assertThat(movements.get(2).amount()).isEqualTo(euros("3.00"));
        assertThat(movements.get(2).kind()).isEqualTo(MovementKind.CREDIT);
        // each credit its own entry and wallet posting; tote:payouts once for the batch, the sum of the four
        assertThat(ledger.postings(movements.get(2).movementId())).containsExactly(
                new Posting("customer:" + ann, 300, 1500L));
        assertThat(movements).allSatisfy(m -> assertThat(ledger.batchPostings(m.movementId()))
                .containsExactly(new Posting("tote:payouts", -690, null)));
        ledger.assertConsistent(ann, 1500);
        ledger.assertConsistent(bob, 650);
        ledger.assertConsistent(newcomer, 40);
    }

    @Test
    void aKeyAlreadyRecordedReplaysAndTheSameKeyTwiceInABatchIsOneCredit() {
        AccountId ann = funded("10.00");
        String key = UUID.randomUUID().toString();
        Movement first = wallets.credit(ann, euros("1.00"), Purpose.payout("tote", "p"), IdempotencyKey.of(key));

        List<Movement> again = transaction.execute(status -> wallets.creditAll(List.of(
                payout(ann, "1.00", key), payout(ann, "2.00", key + "x"), payout(ann, "2.00", key + "x"))));

        assertThat(again.getFirst()).isEqualTo(first.asReplay());
        assertThat(again.get(1).replayed()).isFalse();
        assertThat(again.get(2)).isEqualTo(again.get(1).asReplay());
        assertThat(ledger.entriesWithKey(key + "x")).isOne();
        ledger.assertConsistent(ann, 1300);
    }

    @Test
    void aKeyReusedWithOtherContentRollsTheWholeBatchBack() {
        AccountId ann = funded("10.00");
        String key = UUID.randomUUID().toString();
        wallets.credit(ann, euros("1.00"), Purpose.payout("tote", "p"), IdempotencyKey.of(key));
        String other = UUID.randomUUID().toString();

        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> wallets.creditAll(List.of(
                payout(ann, "4.00", other), payout(ann, "1.01", key)))))
                .isInstanceOf(IdempotencyKeyReused.class);

        assertThat(ledger.entriesWithKey(other)).isZero();
        ledger.assertConsistent(ann, 1100);
    }

    @Test
    void needsTheCallersTransaction() {
        AccountId ann = funded("1.00");

        assertThatThrownBy(() -> wallets.creditAll(List.of(payout(ann, "1.00", UUID.randomUUID().toString()))))
                .isInstanceOf(IllegalTransactionStateException.class);
    }

    private AccountId funded(String euros) {
        AccountId account = AccountId.random();
        wallets.deposit(account, euros(euros), IdempotencyKey.of("test:" + UUID.randomUUID()));
        return account;
    }

    private static BatchCredit payout(AccountId account, String euros, String key) {
        return new BatchCredit(account, euros(euros), Purpose.payout("tote", "p"), IdempotencyKey.of(key));
    }

    private static Money euros(String euros) {
        return Money.parse(euros);
    }
}
