package dev.paddock.events.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The writers' partition by buyer: a buyer's wallet and requestIds are only ever in one writer's batches. */
class RegistrationWriterTest {

    @ParameterizedTest(name = "{0} writer(s)")
    @ValueSource(ints = {1, 2, 4, 7})
    void aBuyerAlwaysGoesToTheSameWriterAndEveryWriterGetsBuyers(int writers) {
        Set<Integer> used = new HashSet<>();
        for (int n = 0; n < 1_000; n++) {
            UUID buyer = UUID.randomUUID();
            int writer = RegistrationWriter.queueOf(buyer, writers);
            assertThat(writer).isBetween(0, writers - 1);
            assertThat(RegistrationWriter.queueOf(UUID.fromString(buyer.toString()), writers)).isEqualTo(writer);
            used.add(writer);
        }
        assertThat(used).containsExactlyInAnyOrderElementsOf(IntStream.range(0, writers).boxed().toList());
    }
}
