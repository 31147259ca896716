package dev.paddock.bench.results;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paddock.bench.events.Athletes;
import java.util.List;
import java.util.function.LongToIntFunction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LookupsTest {

    @ParameterizedTest(name = "html share {0}, from request {1}")
    @CsvSource({"0.15, 0", "0.15, 123456", "0, 0", "0.5, 999"})
    void eachStretchOfOneScheduleGivesEveryKindItsShare(double htmlShare, long from) {
        List<Lookups> kinds = Lookups.of("race", 1000, new Athletes("run", 42), List.of("F", "M"), List.of("M40"),
                htmlShare, 42).stream().filter(kind -> kind.share() > 0).toList();
        LongToIntFunction kindOf = Lookups.kindOf(kinds);
        int[] counts = new int[kinds.size()];
        int stretch = 2_000;
        for (long n = from; n < from + stretch; n++) {
            counts[kindOf.applyAsInt(n)]++;
        }
        for (int kind = 0; kind < kinds.size(); kind++) {
            assertThat((double) counts[kind]).as(kinds.get(kind).name())
                    .isCloseTo(kinds.get(kind).share() * stretch, org.assertj.core.data.Offset.offset(4.0));
        }
    }
}
