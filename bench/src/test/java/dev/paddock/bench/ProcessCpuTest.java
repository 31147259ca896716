package dev.paddock.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class ProcessCpuTest {

    private final Deque<Optional<Duration>> cpu = new ArrayDeque<>();
    private final Deque<Long> wall = new ArrayDeque<>();
    private final ProcessCpu probe = new ProcessCpu(cpu::poll, wall::poll, 2);

    private OptionalDouble sampleAt(long wallMillis, Optional<Duration> cpuTime) {
        cpu.add(cpuTime);
        wall.add(Duration.ofMillis(wallMillis).toNanos());
        return probe.sample();
    }

    @Test
    void theFirstSampleOnlyStartsTheCount() {
        assertThat(sampleAt(0, Optional.of(Duration.ofSeconds(7)))).isEmpty();
    }

    @Test
    void aShareOfAllCoresSinceThePreviousSample() {
        sampleAt(0, Optional.of(Duration.ofMillis(5_000)));
        // 1.5 s of CPU in 1 s of wall time on 2 cores
        assertThat(sampleAt(1_000, Optional.of(Duration.ofMillis(6_500))).getAsDouble()).isCloseTo(0.75, within(1e-9));
        // then 0.2 s in 2 s
        assertThat(sampleAt(3_000, Optional.of(Duration.ofMillis(6_700))).getAsDouble()).isCloseTo(0.05, within(1e-9));
    }

    @Test
    void anUnreadableCpuTimeGivesNothingAndStartsTheCountAgain() {
        sampleAt(0, Optional.of(Duration.ofMillis(1_000)));
        assertThat(sampleAt(1_000, Optional.empty())).isEmpty();
        assertThat(sampleAt(2_000, Optional.of(Duration.ofMillis(1_800)))).isEmpty();
        assertThat(sampleAt(3_000, Optional.of(Duration.ofMillis(2_800))).getAsDouble()).isCloseTo(0.5, within(1e-9));
    }

    @Test
    void readsThisVeryProcess() {
        ProcessCpu self = ProcessCpu.of(ProcessHandle.current().pid()).orElseThrow();
        assertThat(self.sample()).isEmpty();
        long until = System.nanoTime() + Duration.ofMillis(50).toNanos();
        long spin = 0;
        while (System.nanoTime() < until) {
            spin++;
        }
        assertThat(spin).isPositive();
        assertThat(self.sample()).isPresent();
    }

    @Test
    void noProbeForAProcessThatDoesNotExist() {
        assertThat(ProcessCpu.of(Long.MAX_VALUE)).isEmpty();
    }
}
