package dev.paddock.wallet.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paddock.identity.AccountId;
import dev.paddock.shared.Money;
import java.time.Duration;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SimulatedPaymentProviderTest {

    static final AccountId ACCOUNT = AccountId.random();

    @Test
    void aDeclineRateOfOneDeclinesEverything() {
        SimulatedPaymentProvider provider = provider(1.0);

        IntStream.range(0, 200).forEach(i -> {
            PaymentResult result = provider.charge(ACCOUNT, Money.ofCents(1000 + i), UUID.randomUUID().toString());
            assertThat(result.approved()).isFalse();
            assertThat(result.declineReason()).isEqualTo("insufficient funds on card");
        });
    }

    @Test
    void aDeclineRateOfZeroApprovesAllButTheDemoAmount() {
        SimulatedPaymentProvider provider = provider(0.0);

        IntStream.range(0, 200).forEach(i -> assertThat(
                provider.charge(ACCOUNT, Money.ofCents(1000 + i), UUID.randomUUID().toString()).approved()).isTrue());
        PaymentResult demo = provider.charge(ACCOUNT, Money.parse("666.00"), "k");
        assertThat(demo.approved()).isFalse();
        assertThat(demo.declineReason()).isEqualTo("card declined");
        assertThat(provider.payout(ACCOUNT, Money.parse("666.00"), "k").approved()).isFalse();
    }

    @Test
    void theSameKeyGetsTheSameAnswer() {
        SimulatedPaymentProvider provider = provider(0.5);

        IntStream.range(0, 100).forEach(i -> {
            String key = UUID.randomUUID().toString();
            assertThat(provider.charge(ACCOUNT, Money.ofCents(500), key))
                    .isEqualTo(provider.charge(ACCOUNT, Money.ofCents(500), key));
        });
    }

    @Test
    void aDeclineRateInBetweenDeclinesAboutThatShare() {
        SimulatedPaymentProvider provider = provider(0.3);

        long declined = IntStream.range(0, 2000)
                .filter(i -> !provider.charge(ACCOUNT, Money.ofCents(500), "key-" + i).approved()).count();

        assertThat(declined).isBetween(450L, 750L);
    }

    @Test
    void aDeclineRateOutsideZeroToOneIsRefused() {
        assertThatThrownBy(() -> new PaymentProperties(1.5, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PaymentProperties(-0.1, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    private static SimulatedPaymentProvider provider(double declineRate) {
        return new SimulatedPaymentProvider(new PaymentProperties(declineRate, Duration.ZERO));
    }
}
