package dev.paddock.parimutuel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class CombinationKeyTest {

    @Test
    void decodeUndoesEncodeForEveryLengthAndRunner() {
        Random random = new Random(7);
        for (int trial = 0; trial < 10_000; trial++) {
            int[] runners = new int[1 + random.nextInt(CombinationKey.MAX_RUNNERS)];
            for (int i = 0; i < runners.length; i++) {
                runners[i] = 1 + random.nextInt(CombinationKey.MAX_RUNNER);
            }
            long key = CombinationKey.encode(runners);
            assertThat(key).isPositive();
            assertThat(CombinationKey.decode(key)).containsExactly(runners);
            assertThat(CombinationKey.size(key)).isEqualTo(runners.length);
        }
    }

    @Test
    void orderMattersOnlyThroughEncode() {
        assertThat(CombinationKey.encode(3, 1)).isNotEqualTo(CombinationKey.encode(1, 3));
        assertThat(CombinationKey.encodeUnordered(3, 1)).isEqualTo(CombinationKey.encode(1, 3));
        assertThat(CombinationKey.encode(31, 31, 31, 31, 31, 31, 31, 31, 31, 31, 31, 31)).isEqualTo((1L << 60) - 1);
        assertThat(CombinationKey.encode(7)).isEqualTo(7);
    }

    @Test
    void refusesWhatDoesNotFit() {
        assertThatThrownBy(() -> CombinationKey.encode()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CombinationKey.encode(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CombinationKey.encode(32)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CombinationKey.encode(new int[13])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CombinationKey.decode(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CombinationKey.decode(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
