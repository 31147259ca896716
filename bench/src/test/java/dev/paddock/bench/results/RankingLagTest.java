package dev.paddock.bench.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RankingLagTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void theLagLogPlacesEachIntervalsLargestLagInTheRun() {
        RankingLag lag = new RankingLag(null, null, "race");
        long start = 1_000 * SECOND;
        lag.record(start - 59 * SECOND, 3_200_000_000L, 3_100_000_000L);
        lag.record(start - 2 * SECOND, 900_000_000L, 30_000_000L);
        lag.record(start + SECOND, 150_000_000L, 5_000_000L);
        lag.record(start + 4 * SECOND, 420_000_000L, 2_000_000L);
        lag.record(start + 12 * SECOND, 180_000_000L, 1_000_000L);

        assertThat(lag.byInterval(start, Duration.ofSeconds(60), Duration.ofSeconds(5)))
                .isEqualTo("warm-up 0-5 s: 3,200 ms (1; poll 3,100 ms), warm-up 55-60 s: 900 ms (1; poll 30 ms), "
                        + "0-5 s: 420 ms (2; poll 5 ms), 10-15 s: 180 ms (1; poll 1 ms)");
        assertThat(lag.lags().getTotalCount()).isEqualTo(5);
        assertThat(lag.lags().getMaxValue()).isBetween(3_190_000L, 3_210_000L);
    }
}
