package dev.paddock.wallet.payment;

import dev.paddock.identity.AccountId;
import dev.paddock.shared.Money;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.UUID;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Stands in for a real provider in development, demos and tests. Like a real one it answers the same
 * key with the same outcome: the decision is drawn from the key, not from a fresh random number. Rules:
 * exactly {@value #ALWAYS_DECLINED_CENTS} cents (666.00 EUR) is always declined, "card declined"; otherwise a
 * share {@code decline-rate} of keys is declined, "insufficient funds on card".
 */
@Component
@EnableConfigurationProperties(PaymentProperties.class)
class SimulatedPaymentProvider implements PaymentProvider {

    static final long ALWAYS_DECLINED_CENTS = 66_600;

    private final PaymentProperties properties;

    SimulatedPaymentProvider(PaymentProperties properties) {
        this.properties = properties;
    }

    @Override
    public PaymentResult charge(AccountId account, Money amount, String idempotencyKey) {
        return decide("ch", amount, idempotencyKey);
    }

    @Override
    public PaymentResult payout(AccountId account, Money amount, String idempotencyKey) {
        return decide("po", amount, idempotencyKey);
    }

    private PaymentResult decide(String operation, Money amount, String idempotencyKey) {
        waitLatency();
        UUID draw = UUID.nameUUIDFromBytes((operation + ":" + idempotencyKey).getBytes(StandardCharsets.UTF_8));
        String reference = "sim_" + operation + "_" + draw.toString().replace("-", "");
        if (amount.cents() == ALWAYS_DECLINED_CENTS) {
            return PaymentResult.declined(reference, "card declined");
        }
        double uniform = new SplittableRandom(draw.getMostSignificantBits() ^ draw.getLeastSignificantBits()).nextDouble();
        if (uniform < properties.declineRate()) {
            return PaymentResult.declined(reference, "insufficient funds on card");
        }
        return PaymentResult.approved(reference);
    }

    private void waitLatency() {
        if (properties.latency().isZero()) {
            return;
        }
        try {
            Thread.sleep(properties.latency());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the payment provider", e);
        }
    }
}
