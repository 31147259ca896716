package dev.paddock.bench.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class ArrivalCurveTest {

    static Stream<Arguments> curves() {
        return Stream.of(
                Arguments.of(20_000, 60, 5.0),
                Arguments.of(20_000, 60, 10.0),
                Arguments.of(1_000, 10, 2.0),
                Arguments.of(300, 5, 0.5),
                Arguments.of(1, 1, 1.0),
                Arguments.of(50_000, 60, 60.0));
    }

    @ParameterizedTest
    @MethodSource("curves")
    void everyAttemptIsDueOnceInsideTheWindowInOrder(int attempts, int windowSeconds, double halfLifeSeconds) {
        ArrivalCurve curve = curve(attempts, windowSeconds, halfLifeSeconds);

        long previous = -1;
        for (long n = 0; n < attempts; n++) {
            long due = curve.intendedOffsetNanos(n);
            assertThat(due).isGreaterThanOrEqualTo(Math.max(0, previous)).isLessThan(windowSeconds * 1_000_000_000L);
            previous = due;
        }
        assertThat(curve.intendedOffsetNanos(0)).isZero();
        assertThat(curve.intendedOffsetNanos(attempts)).isEqualTo(Long.MAX_VALUE);
        assertThat(curve.intendedOffsetNanos(-1)).isEqualTo(Long.MAX_VALUE);
    }

    @ParameterizedTest
    @MethodSource("curves")
    void theAttemptsDueByAnyTimeFollowTheCumulativeShare(int attempts, int windowSeconds, double halfLifeSeconds) {
        ArrivalCurve curve = curve(attempts, windowSeconds, halfLifeSeconds);

        for (double fraction : new double[] {0.1, 0.25, 0.5, 0.75, 0.9}) {
            Duration by = Duration.ofNanos((long) (windowSeconds * fraction * 1e9));
            long due = 0;
            while (due < attempts && curve.intendedOffsetNanos(due) < by.toNanos()) {
                due++;
            }
            assertThat(due).isCloseTo(Math.round(curve.shareBy(by) * attempts), within(1L));
        }
        assertThat(curve.shareBy(Duration.ofSeconds(windowSeconds))).isEqualTo(1.0);
        assertThat(curve.shareBy(Duration.ZERO)).isZero();
    }

    @Test
    void withAFiveSecondHalfLifeHalfOfTheRushComesInTheFirstFiveSecondsAndTheFirstSecondIsThePeak() {
        ArrivalCurve curve = curve(20_000, 60, 5.0);

        // 1 - 2^-12 of an untruncated decay falls in 60 s, so the shares are a hair above 1/2, 3/4, 7/8.
        assertThat(curve.shareBy(Duration.ofSeconds(5))).isCloseTo(0.5, within(0.001));
        assertThat(curve.shareBy(Duration.ofSeconds(10))).isCloseTo(0.75, within(0.001));
        assertThat(curve.shareBy(Duration.ofSeconds(15))).isCloseTo(0.875, within(0.001));
        // peak N ln2 / h = 2,773/s at the opening; it halves every 5 s
        assertThat(curve.rateAt(Duration.ZERO)).isCloseTo(20_000 * Math.log(2) / 5, within(1.0));
        assertThat(curve.rateAt(Duration.ofSeconds(5))).isCloseTo(curve.rateAt(Duration.ZERO) / 2, within(0.01));
        long firstGap = curve.intendedOffsetNanos(1) - curve.intendedOffsetNanos(0);
        long lastGap = curve.intendedOffsetNanos(19_999) - curve.intendedOffsetNanos(19_998);
        assertThat(firstGap).isCloseTo((long) (1e9 / curve.rateAt(Duration.ZERO)), within(1_000L));
        assertThat(lastGap).isGreaterThan(1_000 * firstGap);
    }

    @Test
    void aLongHalfLifeIsCloseToAnEvenRate() {
        ArrivalCurve curve = curve(6_000, 60, 100_000.0);

        assertThat(curve.intendedOffsetNanos(3_000)).isCloseTo(30_000_000_000L, within(10_000_000L));
        assertThat(curve.rateAt(Duration.ofSeconds(30))).isCloseTo(100.0, within(0.1));
    }

    @Test
    void aRushNeedsAttemptsAWindowAndAHalfLife() {
        assertThatThrownBy(() -> curve(0, 60, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> curve(10, 0, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> curve(10, 60, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static ArrivalCurve curve(int attempts, int windowSeconds, double halfLifeSeconds) {
        return new ArrivalCurve(attempts, Duration.ofSeconds(windowSeconds),
                Duration.ofNanos((long) (halfLifeSeconds * 1e9)));
    }
}
