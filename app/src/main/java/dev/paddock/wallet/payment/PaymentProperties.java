package dev.paddock.wallet.payment;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code paddock.wallet.payment.*}: how the simulated payment provider behaves.
 *
 * @param declineRate share of charges and payouts declined, 0.0 to 1.0
 * @param latency     how long each provider call takes
 */
@ConfigurationProperties("paddock.wallet.payment")
record PaymentProperties(@DefaultValue("0.0") double declineRate, @DefaultValue("0ms") Duration latency) {

    PaymentProperties {
        if (declineRate < 0.0 || declineRate > 1.0) {
            throw new IllegalArgumentException("paddock.wallet.payment.decline-rate must be between 0.0 and 1.0");
        }
        if (latency.isNegative()) {
            throw new IllegalArgumentException("paddock.wallet.payment.latency must not be negative");
        }
    }
}
