package dev.paddock.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BurstsTest {

    @Test
    void eachBurstStartsAPeriodAfterTheLastAndItsRequestsFollowAtTheBurstRate() {
        // 1,000 requests in bursts of 100 over 10 s: a burst a second, its requests 1 ms apart
        Bursts bursts = new Bursts(1_000, 100, 1_000, Duration.ofSeconds(10));

        assertThat(bursts.intendedOffsetNanos(0)).isZero();
        assertThat(bursts.intendedOffsetNanos(1)).isEqualTo(1_000_000);
        assertThat(bursts.intendedOffsetNanos(99)).isEqualTo(99_000_000);
        assertThat(bursts.intendedOffsetNanos(100)).isEqualTo(1_000_000_000);
        assertThat(bursts.intendedOffsetNanos(250)).isEqualTo(2_050_000_000);
        assertThat(bursts.intendedOffsetNanos(999)).isEqualTo(9_099_000_000L);
    }

    @Test
    void thereAreExactlyCountRequestsAllWithinTheLength() {
        Bursts bursts = new Bursts(1_050, 100, 2_000, Duration.ofSeconds(11));

        assertThat(bursts.intendedOffsetNanos(1_049)).isLessThan(Duration.ofSeconds(11).toNanos());
        assertThat(bursts.intendedOffsetNanos(1_050)).isEqualTo(Long.MAX_VALUE);
        assertThat(bursts.intendedOffsetNanos(-1)).isEqualTo(Long.MAX_VALUE);
        // the last, short burst starts on its own period: 11 bursts of 1 s
        assertThat(bursts.intendedOffsetNanos(1_000)).isEqualTo(10_000_000_000L);
    }

    @Test
    void aBurstOfOneIsTheEvenPace() {
        Bursts bursts = new Bursts(200, 1, 1_000, Duration.ofSeconds(10));
        RateSchedule even = RateSchedule.constant(20, Duration.ofSeconds(10));

        for (long n = 0; n < 200; n++) {
            assertThat(bursts.intendedOffsetNanos(n)).isEqualTo(even.intendedOffsetNanos(n));
        }
    }

    @Test
    void aBurstThatWouldRunIntoTheNextIsRefused() {
        // bursts of 100 every 0.5 s at 100/s would each last 0.99 s
        assertThatThrownBy(() -> new Bursts(2_000, 100, 100, Duration.ofSeconds(10)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("next one");
        assertThatThrownBy(() -> new Bursts(0, 1, 1, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Bursts(10, 1, 1, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
