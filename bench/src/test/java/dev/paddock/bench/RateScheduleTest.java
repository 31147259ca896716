package dev.paddock.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateScheduleTest {

    @Test
    void aConstantRateSpacesRequestsEvenly() {
        RateSchedule schedule = RateSchedule.constant(200, Duration.ofSeconds(10));

        assertThat(schedule.intendedOffsetNanos(0)).isZero();
        assertThat(schedule.intendedOffsetNanos(1)).isEqualTo(5_000_000);
        assertThat(schedule.intendedOffsetNanos(1_000)).isEqualTo(5_000_000_000L);
        assertThat(requests(schedule)).isEqualTo(2_000);
    }

    @Test
    void aRampSendsTheAverageRateOverTheRunAndSpeedsUpAsItGoes() {
        RateSchedule schedule = new RateSchedule(100, 300, Duration.ofSeconds(60));

        assertThat(requests(schedule)).isCloseTo(200 * 60, within(2L));
        long firstGap = schedule.intendedOffsetNanos(1) - schedule.intendedOffsetNanos(0);
        long n = requests(schedule) - 2;
        long lastGap = schedule.intendedOffsetNanos(n + 1) - schedule.intendedOffsetNanos(n);
        assertThat(firstGap).isCloseTo(10_000_000L, within(50_000L));
        assertThat(lastGap).isCloseTo(3_333_333L, within(50_000L));
    }

    @Test
    void aRampDownEndsWithTheRun() {
        RateSchedule schedule = new RateSchedule(300, 0, Duration.ofSeconds(10));

        assertThat(requests(schedule)).isCloseTo(1_500, within(2L));
        assertThat(schedule.intendedOffsetNanos(10_000)).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void ratesMustBePositive() {
        assertThatThrownBy(() -> RateSchedule.constant(0, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RateSchedule.constant(10, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static long requests(RateSchedule schedule) {
        long n = 0;
        while (schedule.intendedOffsetNanos(n) != Long.MAX_VALUE) {
            n++;
        }
        return n;
    }
}
