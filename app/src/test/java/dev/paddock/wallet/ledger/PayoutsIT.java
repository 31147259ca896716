package dev.paddock.wallet.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paddock.identity.AccountId;
import dev.paddock.shared.Money;
import dev.paddock.wallet.IdempotencyKey;
import dev.paddock.wallet.LedgerChecks;
import dev.paddock.wallet.Movement;
import dev.paddock.wallet.MovementKind;
import dev.paddock.wallet.Purpose;
import dev.paddock.wallet.Wallets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The payout of a withdrawal. The listener also runs by itself after each withdrawal commits; calling it
 * again here is what a redelivery does, and must leave the same single outcome.
 */
@SpringBootTest
@ActiveProfiles("test")
@AutoConfigureMockMvc
class PayoutsIT {

    @Autowired
    Wallets wallets;

    @Autowired
    Payouts payouts;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anApprovedPayoutLeavesTheWithdrawalInPlace() {
        AccountId account = funded("50.00");
        Movement withdrawal = wallets.withdraw(account, Money.parse("20.00"), key());

        payouts.settle(new WithdrawalRecorded(withdrawal.movementId(), account, Money.parse("20.00")));
        payouts.settle(new WithdrawalRecorded(withdrawal.movementId(), account, Money.parse("20.00")));

        assertThat(outcome(withdrawal)).isEqualTo("APPROVED");
        assertThat(wallets.entries(account, 0, 10).items()).extracting(Movement::kind)
                .containsExactly(MovementKind.WITHDRAWAL, MovementKind.CREDIT);
        new LedgerChecks(jdbc).assertConsistent(account, 3000);
    }

    @Test
    void aDeclinedPayoutGivesTheMoneyBackOnce() {
        AccountId account = funded("700.00");
        Movement withdrawal = wallets.withdraw(account, Money.parse("666.00"), key());

        payouts.settle(new WithdrawalRecorded(withdrawal.movementId(), account, Money.parse("666.00")));
        payouts.settle(new WithdrawalRecorded(withdrawal.movementId(), account, Money.parse("666.00")));

        assertThat(outcome(withdrawal)).isEqualTo("DECLINED");
        assertThat(wallets.entries(account, 0, 10).items()).extracting(Movement::kind)
                .containsExactly(MovementKind.REVERSAL, MovementKind.WITHDRAWAL, MovementKind.CREDIT);
        new LedgerChecks(jdbc).assertConsistent(account, 70000);
    }

    private String outcome(Movement withdrawal) {
        return jdbc.sql("select outcome from wallet.payment_attempts where idempotency_key = :key")
                .param("key", "payout:" + withdrawal.movementId()).query(String.class).single();
    }

    private AccountId funded(String euros) {
        AccountId account = AccountId.random();
        wallets.credit(account, Money.parse(euros), Purpose.payout("tote", "seed"), key());
        return account;
    }

    private static IdempotencyKey key() {
        return IdempotencyKey.of("test:" + UUID.randomUUID());
    }
}
