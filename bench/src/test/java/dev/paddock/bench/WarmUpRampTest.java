package dev.paddock.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class WarmUpRampTest {

    @ParameterizedTest
    @CsvSource({
            // rate, from share, warm-up s, run s, warm-up requests
            "5000, 0.1, 10, 70, 27500",
            "5000, 1.0, 10, 70, 50000",
            "200, 0.5, 4, 10, 600",
            "100, 0.1, 0, 10, 0",
    })
    void theMeasuredPartOffersTheWholeRateWhateverTheWarmUp(double rate, double from, int warmUp, int run,
            long warmUpRequests) {
        WarmUpRamp schedule = new WarmUpRamp(rate, from, Duration.ofSeconds(warmUp), Duration.ofSeconds(run));

        long warmUpNanos = Duration.ofSeconds(warmUp).toNanos();
        long total = requests(schedule);
        long measured = countFrom(schedule, warmUpNanos);
        assertThat(total - measured).isCloseTo(warmUpRequests, within(1L));
        assertThat(measured).isCloseTo((long) (rate * (run - warmUp)), within(1L));
        assertThat(schedule.intendedOffsetNanos(total - measured)).isEqualTo(warmUpNanos);
    }

    @Test
    void theWarmUpClimbsFromItsShareToTheRateAndTheRateHoldsAfter() {
        WarmUpRamp schedule = new WarmUpRamp(1000, 0.1, Duration.ofSeconds(10), Duration.ofSeconds(20));

        long firstGap = schedule.intendedOffsetNanos(1) - schedule.intendedOffsetNanos(0);
        assertThat(firstGap).isCloseTo(10_000_000L, within(100_000L));
        long ramped = schedule.rampRequests();
        long lastRampGap = schedule.intendedOffsetNanos(ramped - 1) - schedule.intendedOffsetNanos(ramped - 2);
        assertThat(lastRampGap).isCloseTo(1_000_000L, within(20_000L));
        assertThat(schedule.intendedOffsetNanos(ramped + 1) - schedule.intendedOffsetNanos(ramped))
                .isEqualTo(1_000_000L);
        for (long n = 1; n < requests(schedule); n++) {
            assertThat(schedule.intendedOffsetNanos(n)).isGreaterThanOrEqualTo(schedule.intendedOffsetNanos(n - 1));
        }
    }

    @Test
    void aShareOfOneIsTheConstantRate() {
        WarmUpRamp ramp = new WarmUpRamp(300, 1, Duration.ofSeconds(3), Duration.ofSeconds(9));
        RateSchedule constant = RateSchedule.constant(300, Duration.ofSeconds(9));

        for (long n = 0; n < 2_800; n += 7) {
            assertThat(ramp.intendedOffsetNanos(n)).isCloseTo(constant.intendedOffsetNanos(n), within(1_000L));
        }
        assertThat(requests(ramp)).isEqualTo(requests(constant));
    }

    @Test
    void badSharesAndWarmUpsAreRefused() {
        assertThatThrownBy(() -> new WarmUpRamp(100, 0, Duration.ofSeconds(1), Duration.ofSeconds(2)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WarmUpRamp(100, 1.5, Duration.ofSeconds(1), Duration.ofSeconds(2)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WarmUpRamp(100, 0.1, Duration.ofSeconds(2), Duration.ofSeconds(2)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static long requests(Schedule schedule) {
        long n = 0;
        while (schedule.intendedOffsetNanos(n) != Long.MAX_VALUE) {
            n++;
        }
        return n;
    }

    private static long countFrom(Schedule schedule, long fromNanos) {
        long n = 0;
        long count = 0;
        long offset;
        while ((offset = schedule.intendedOffsetNanos(n)) != Long.MAX_VALUE) {
            count += offset >= fromNanos ? 1 : 0;
            n++;
        }
        return count;
    }
}
