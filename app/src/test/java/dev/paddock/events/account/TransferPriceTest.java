package dev.paddock.events.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TransferPriceTest {

    @ParameterizedTest(name = "paid {0}, target {1}: pay {2}, refund {3}")
    @CsvSource({
            "5000, 9500, 4500, 0",
            "9500, 5000, 0, 4500",
            "9500, 9500, 0, 0",
            "0, 3000, 3000, 0",
            "3000, 0, 0, 3000",
            "0, 0, 0, 0"})
    void theDifferenceGoesOneWay(long paid, long target, long pay, long refund) {
        TransferPrice price = new TransferPrice(paid, target);
        assertThat(price.toPayCents()).isEqualTo(pay);
        assertThat(price.toRefundCents()).isEqualTo(refund);
        assertThat(paid + price.toPayCents() - price.toRefundCents()).as("paid after = target").isEqualTo(target);
    }

    @ParameterizedTest
    @CsvSource({"-1, 0", "0, -1"})
    void pricesAreNotNegative(long paid, long target) {
        assertThatThrownBy(() -> new TransferPrice(paid, target)).isInstanceOf(IllegalArgumentException.class);
    }
}
