package dev.paddock.wallet.ledger;

import dev.paddock.shared.Money;
import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code paddock.wallet.*}.
 *
 * @param maxDeposit the largest single deposit, in euros
 */
@ConfigurationProperties("paddock.wallet")
record WalletProperties(@DefaultValue("10000.00") BigDecimal maxDeposit) {

    Money maxDepositAmount() {
        return Money.parse(maxDeposit.toPlainString());
    }
}
