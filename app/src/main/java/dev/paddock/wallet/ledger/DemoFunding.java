package dev.paddock.wallet.ledger;

import dev.paddock.identity.Accounts;
import dev.paddock.shared.Money;
import dev.paddock.wallet.IdempotencyKey;
import dev.paddock.wallet.Wallets;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Puts 100.00 EUR in the demo accounts' wallets. Runs after the demo accounts exist; the fixed idempotency
 * key makes every later start a replay, so the money is deposited once per database.
 */
@Component
@Order(1)
@ConditionalOnBooleanProperty("paddock.demo-data")
class DemoFunding implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoFunding.class);
    static final List<String> FUNDED = List.of("customer@paddock.dev", "operator@paddock.dev", "admin@paddock.dev");
    static final Money AMOUNT = Money.ofCents(100_00);

    private final Accounts accounts;
    private final Wallets wallets;

    DemoFunding(Accounts accounts, Wallets wallets) {
        this.accounts = accounts;
        this.wallets = wallets;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (String email : FUNDED) {
            accounts.findByEmail(email).ifPresent(account -> {
                var movement = wallets.deposit(account.id(), AMOUNT, IdempotencyKey.of("demo:funding:" + email));
                if (!movement.replayed()) {
                    log.info("Demo wallet of {} funded with {}", email, AMOUNT);
                }
            });
        }
    }
}
