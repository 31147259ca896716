package dev.paddock.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TimeOrderedIdsTest {

    @ParameterizedTest(name = "{0} ms")
    @CsvSource({
            "0, 00000000-0000",
            "1, 00000000-0001",
            "1763800000000, 019aaaac-2600",
            "281474976710655, ffffffff-ffff"})
    void theFirst48BitsAreTheTimeInMilliseconds(long epochMillis, String prefix) {
        UUID id = TimeOrderedIds.at(epochMillis);

        assertThat(id.toString()).startsWith(prefix);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(epochMillis);
        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
    }

    @ParameterizedTest(name = "{0} ms before {1} ms")
    @CsvSource({"0, 1", "1763800000000, 1763800000001", "1763800000000, 1763800065536", "1763800000999, 1763800001000"})
    void anEarlierMillisecondSortsFirstAsPostgreSqlComparesUuids(long earlier, long later) {
        for (int i = 0; i < 100; i++) {
            UUID first = TimeOrderedIds.at(earlier);
            UUID second = TimeOrderedIds.at(later);
            // PostgreSQL compares uuids as unsigned bytes: their text forms compare the same way
            assertThat(first.toString()).isLessThan(second.toString());
        }
    }

    @ParameterizedTest(name = "{0} ids in one millisecond")
    @CsvSource({"2", "1000", "100000"})
    void idsOfOneMillisecondDifferByTheirRandomBits(int count) {
        Set<UUID> ids = new HashSet<>();
        for (int i = 0; i < count; i++) {
            ids.add(TimeOrderedIds.at(1763800000000L));
        }
        assertThat(ids).hasSize(count);
    }
}
