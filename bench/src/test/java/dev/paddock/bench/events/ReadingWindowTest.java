package dev.paddock.bench.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReadingWindowTest {

    private static final Instant OPENS = Instant.parse("2026-11-22T07:00:00Z");

    /**
     * Whenever the readers' generator starts, its measured part ({@code length - warmUp}) runs from the opening to
     * the end of the window: started 25 s late of a 30 s warm-up (the warm-up registrations still running), it is
     * not shifted 25 s into the rush.
     */
    @ParameterizedTest(name = "started {0} s before the opening: warm-up {1} s, length {2} s")
    @CsvSource({
            "30,  30, 90, false",     // on time, --reader-warm-up 30s
            "10,  10, 70, false",     // on time, --reader-warm-up 10s
            "5,    5, 65, false",     // 25 s late of 30
            "0,    0, 60, true",      // at the opening
            "-20,  0, 40, true",      // 20 s after the opening: the first 20 s are lost
            "-60,  0,  0, true",      // the window is over
            "-90,  0,  0, true"})
    void theMeasuredPartRunsFromTheOpeningToTheEndOfTheWindow(long startedBefore, long warmUp, long length,
            boolean late) {
        ReadingWindow reading = ReadingWindow.of(OPENS, Duration.ofSeconds(60), OPENS.minusSeconds(startedBefore));

        assertThat(reading.warmUp()).isEqualTo(Duration.ofSeconds(warmUp));
        assertThat(reading.length()).isEqualTo(Duration.ofSeconds(length));
        assertThat(reading.late()).isEqualTo(late);
    }
}
