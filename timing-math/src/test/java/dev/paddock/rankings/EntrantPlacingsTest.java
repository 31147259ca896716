package dev.paddock.rankings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Law: placings held in shards behave as a plain map given the same puts and removals, from empty to sizes that
 * re-shard, with puts over existing ids, removals of absent or repeated ids and an id both put and removed; an
 * update leaves the placings it started from as they were.
 */
class EntrantPlacingsTest {

    static Stream<Arguments> histories() {
        return Stream.of(
                Arguments.of("one at a time to 600", 0, 600, 1, 0.0),
                Arguments.of("a marathon's ticks from empty", 0, 300, 50, 0.05),
                Arguments.of("ticks on 14,000", 14_000, 50, 20, 0.1),
                Arguments.of("large puts that re-shard", 100, 10, 2_000, 0.0),
                Arguments.of("mostly removals", 5_000, 40, 30, 0.9),
                Arguments.of("everyone removed", 300, 3, 300, 1.0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("histories")
    void behavesAsAPlainMap(String name, int initial, int updates, int perUpdate, double removals) {
        Random random = new Random(initial * 31L + updates);
        Map<String, Placing> expected = new HashMap<>();
        for (int i = 0; i < initial; i++) {
            expected.put(id(i), placing(id(i), i));
        }
        EntrantPlacings placings = EntrantPlacings.of(expected);
        int ids = Math.max(initial, 1) * 2 + updates * perUpdate;
        for (int u = 0; u < updates; u++) {
            Map<String, Placing> put = new HashMap<>();
            List<String> removed = new ArrayList<>();
            for (int k = 0; k < perUpdate; k++) {
                String id = id(random.nextInt(ids));
                if (random.nextDouble() < removals) {
                    removed.add(id);
                    removed.add(id);
                } else {
                    put.put(id, placing(id, random.nextInt(1000)));
                }
            }
            if (!put.isEmpty() && random.nextBoolean()) {
                removed.add(put.keySet().iterator().next());
            }
            Map<String, Placing> before = new HashMap<>(placings);
            EntrantPlacings next = placings.with(put, removed);
            expected.putAll(put);
            removed.stream().filter(id -> !put.containsKey(id)).forEach(expected::remove);

            assertThat(next).isEqualTo(expected);
            assertThat(next.size()).isEqualTo(expected.size());
            assertThat(next.hashCode()).isEqualTo(expected.hashCode());
            assertThat(next.entrySet()).hasSize(expected.size());
            expected.keySet().stream().limit(50).forEach(id -> assertThat(next.get(id)).isEqualTo(expected.get(id)));
            assertThat(next.get(id(ids + 1))).isNull();
            assertThat(placings).as("the placings an update starts from").isEqualTo(before);
            assertThat(changed(next, placings)).as("changed since").isEqualTo(notTheSame(placings, next));
            EntrantPlacings copied = EntrantPlacings.of(new HashMap<>(next));
            assertThat(changed(copied, placings)).as("changed since, shards apart").isEqualTo(notTheSame(placings, copied));
            placings = next;
        }
    }

    private static Set<String> changed(EntrantPlacings now, EntrantPlacings before) {
        Set<String> told = new java.util.HashSet<>();
        now.changedSince(before, id -> assertThat(told.add(id)).as("told once: " + id).isTrue());
        return told;
    }

    /** The ids held by one only, or whose placing is not the same object in both. */
    private static Set<String> notTheSame(Map<String, Placing> before, Map<String, Placing> now) {
        Set<String> ids = new java.util.HashSet<>(before.keySet());
        ids.addAll(now.keySet());
        ids.removeIf(id -> before.get(id) == now.get(id));
        return ids;
    }

    @Test
    void anUpdateWithNothingIsTheSamePlacingsAndCopyingHeldPlacingsCopiesNothing() {
        EntrantPlacings placings = EntrantPlacings.of(Map.of("a", placing("a", 1)));
        assertThat(placings.with(Map.of(), List.of())).isSameAs(placings);
        assertThat(EntrantPlacings.of(placings)).isSameAs(placings);
        assertThat(changed(placings, placings)).isEmpty();
        assertThat(placings.get(null)).isNull();
        assertThat(placings.containsKey("a")).isTrue();
        assertThat(placings.containsKey("b")).isFalse();
    }

    @Test
    void theyCannotBeChanged() {
        EntrantPlacings placings = EntrantPlacings.of(Map.of("a", placing("a", 1)));
        assertThatThrownBy(() -> placings.put("b", placing("b", 2))).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> placings.entrySet().iterator().next().setValue(placing("a", 3)))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> placings.keySet().removeAll(Set.of("a")))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(placings).containsOnlyKeys("a");
    }

    private static String id(int i) {
        return "00000000-0000-0000-0000-" + String.format("%012d", i);
    }

    private static Placing placing(String id, int place) {
        return new Placing(id, "", place, false, 0, place * 1000L, 0);
    }
}
