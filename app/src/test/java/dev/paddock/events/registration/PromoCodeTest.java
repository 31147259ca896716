package dev.paddock.events.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paddock.shared.ProblemException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PromoCodeTest {

    private static final UUID RACE = UUID.randomUUID();
    private static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");

    private static PromoCode amount(long cents) {
        return new PromoCode(UUID.randomUUID(), "SAVE", PromoCode.Kind.AMOUNT, cents, null, null, null, null, 0, false);
    }

    private static PromoCode percent(int percent) {
        return new PromoCode(UUID.randomUUID(), "PCT", PromoCode.Kind.PERCENT, null, percent, null, null, null, 0, false);
    }

    static Stream<Arguments> discounts() {
        return Stream.of(
                Arguments.of(amount(1000), List.of(9500L), 1000L),
                Arguments.of(amount(1000), List.of(9500L, 9500L, 9500L), 3000L),
                Arguments.of(amount(20000), List.of(9500L), 9500L),
                Arguments.of(amount(1000), List.of(0L), 0L),
                Arguments.of(amount(1000), List.of(500L, 9500L), 1500L),
                Arguments.of(percent(10), List.of(9500L), 950L),
                Arguments.of(percent(100), List.of(9500L, 3000L), 12500L),
                Arguments.of(percent(15), List.of(999L), 150L),
                Arguments.of(percent(15), List.of(990L), 149L),
                Arguments.of(percent(50), List.of(1L), 1L),
                Arguments.of(percent(33), List.of(1000L, 1000L, 1000L), 990L),
                Arguments.of(percent(1), List.of(49L), 0L),
                Arguments.of(percent(1), List.of(50L), 1L),
                Arguments.of(percent(10), List.of(), 0L));
    }

    @ParameterizedTest
    @MethodSource("discounts")
    void takesItsValueOffEachPlace(PromoCode code, List<Long> prices, long expected) {
        assertThat(code.discount(RACE, prices, NOW, true)).isEqualTo(expected);
    }

    @Test
    void aDiscountNeverExceedsWhatIsPaid() {
        for (int pct = 1; pct <= 100; pct++) {
            for (long price = 0; price <= 300; price += 7) {
                long off = percent(pct).discount(RACE, List.of(price), NOW, true);
                assertThat(off).isBetween(0L, price);
                assertThat(Math.abs(off * 100 - price * pct)).as("rounded to the nearest cent").isLessThanOrEqualTo(50);
            }
        }
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of(new PromoCode(UUID.randomUUID(), "OLD", PromoCode.Kind.AMOUNT, 100L, null, null, NOW, null,
                        0, false), true, "expired"),
                Arguments.of(new PromoCode(UUID.randomUUID(), "OTHER", PromoCode.Kind.AMOUNT, 100L, null,
                        List.of(UUID.randomUUID()), null, null, 0, false), true, "not-for-race"),
                Arguments.of(new PromoCode(UUID.randomUUID(), "GONE", PromoCode.Kind.AMOUNT, 100L, null, null, null, 5, 5,
                        false), true, "used-up"),
                Arguments.of(new PromoCode(UUID.randomUUID(), "FIRST", PromoCode.Kind.PERCENT, null, 20, null, null, null,
                        0, true), false, "first-time-only"));
    }

    @ParameterizedTest
    @MethodSource("refusals")
    void isRefusedOnPromoCode(PromoCode code, boolean firstTime, String reason) {
        assertThatThrownBy(() -> code.discount(RACE, List.of(9500L), NOW, firstTime))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.fieldProblems())
                        .extracting(f -> f.field() + ":" + f.code()).containsExactly("promoCode:" + reason));
    }

    @Test
    void aCodeForTheRaceStillValidAndWithUsesLeftApplies() {
        PromoCode code = new PromoCode(UUID.randomUUID(), "OK", PromoCode.Kind.AMOUNT, 100L, null, List.of(RACE),
                NOW.plusSeconds(1), 5, 4, true);
        assertThat(code.discount(RACE, List.of(9500L), NOW, true)).isEqualTo(100);
    }
}
