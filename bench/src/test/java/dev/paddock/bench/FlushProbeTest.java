package dev.paddock.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlushProbeTest {

    private static final long MS = 1_000_000;
    private static final long OPENING = 1_000_000 * MS;

    private static FlushProbe.Flush flush(long endMsFromOpening, long tookMs) {
        return new FlushProbe.Flush(OPENING + endMsFromOpening * MS, tookMs * MS);
    }

    @Test
    void namesTheStallsWithWhenTheyBeganAndTheWorstOfTheFirstSecondsAndOfAll() {
        List<FlushProbe.Flush> flushes = List.of(flush(-3_000, 900), flush(-10, 2), flush(250, 450), flush(4_000, 30),
                flush(9_000, 120), flush(9_010, 3));

        String described = FlushProbe.describe(flushes, OPENING, Duration.ofSeconds(5), Duration.ofMillis(100));

        // the one that ended before the opening is not counted; the one under way at it is, from when it began
        assertThat(described).isEqualTo("4 flushes; worst 450.0 ms in the first 5 s, 450.0 ms in all; 2 over 100 ms"
                + " (450 ms from -0.20 s, 120 ms from +8.88 s)");
    }

    @Test
    void aStallThatBeganInTheFirstSecondsButEndedAfterCountsForThem() {
        String described = FlushProbe.describe(List.of(flush(5_600, 700), flush(6_000, 4)), OPENING,
                Duration.ofSeconds(5), Duration.ofMillis(100));

        assertThat(described).startsWith("2 flushes; worst 700.0 ms in the first 5 s, 700.0 ms in all; 1 over 100 ms");
    }

    @Test
    void withoutStallsNoneIsNamed() {
        String described = FlushProbe.describe(List.of(flush(10, 3), flush(20, 5)), OPENING, Duration.ofSeconds(5),
                Duration.ofMillis(100));

        assertThat(described).isEqualTo("2 flushes; worst 5.0 ms in the first 5 s, 5.0 ms in all; 0 over 100 ms");
    }

    @Test
    void nothingMeasuredSaysSo() {
        assertThat(FlushProbe.describe(List.of(flush(-5, 3)), OPENING, Duration.ofSeconds(5), Duration.ofMillis(100)))
                .isEqualTo("no flush measured");
    }

    @Test
    void flushesARealFileAtItsPaceAndRemovesItWhenClosed(@TempDir Path directory) throws Exception {
        long from = System.nanoTime();
        FlushProbe probe = FlushProbe.start(directory, Duration.ofMillis(10));
        TimeUnit.MILLISECONDS.sleep(300);
        probe.close();
        long ran = System.nanoTime() - from;

        // one every 10 ms at most (a late one is not made up for with a burst)
        List<FlushProbe.Flush> flushes = probe.flushes();
        assertThat(flushes).isNotEmpty().hasSizeLessThanOrEqualTo((int) (ran / 10_000_000) + 1);
        assertThat(flushes).allSatisfy(f -> {
            assertThat(f.tookNanos()).isPositive();
            assertThat(f.endNanos()).isGreaterThan(from);
        });
        try (var left = Files.list(directory)) {
            assertThat(left).isEmpty();
        }
    }
}
