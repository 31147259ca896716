package dev.paddock.parimutuel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PoolTotalsTest {

    /** Property: random adds and removes agree with a plain map, and total = sum of on(key) over forEach. */
    @Test
    void agreesWithAReferenceMapUnderRandomAddsAndRemoves() {
        Random random = new Random(42);
        PoolTotals pool = new PoolTotals();
        Map<Long, Long> reference = new HashMap<>();
        List<Long> keys = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            keys.add(CombinationKey.encodeUnordered(1 + random.nextInt(31), 1 + random.nextInt(31), 1 + random.nextInt(31)));
        }
        for (int step = 0; step < 200_000; step++) {
            long key = keys.get(random.nextInt(keys.size()));
            long held = reference.getOrDefault(key, 0L);
            if (held > 0 && random.nextInt(3) == 0) {
                long stake = 1 + random.nextLong(held);
                pool.remove(key, stake);
                reference.merge(key, -stake, Long::sum);
                reference.remove(key, 0L);
            } else {
                long stake = 100 + random.nextInt(5000);
                pool.add(key, stake);
                reference.merge(key, stake, Long::sum);
            }
        }
        Map<Long, Long> seen = new HashMap<>();
        pool.forEach((key, stake) -> assertThat(seen.put(key, stake)).isNull());
        assertThat(seen).isEqualTo(reference);
        assertThat(pool.size()).isEqualTo(reference.size());
        assertThat(pool.total()).isEqualTo(reference.values().stream().mapToLong(Long::longValue).sum());
        reference.forEach((key, stake) -> assertThat(pool.on(key)).isEqualTo(stake));
    }

    @Test
    void removeUndoesAdd() {
        PoolTotals pool = new PoolTotals();
        long key = CombinationKey.encode(1, 2);
        pool.add(CombinationKey.encode(3), 500);
        pool.add(key, 200);
        pool.remove(key, 200);
        assertThat(pool.on(key)).isZero();
        assertThat(pool.size()).isEqualTo(1);
        assertThat(pool.total()).isEqualTo(500);
        assertThat(pool.on(CombinationKey.encode(3))).isEqualTo(500);
    }

    @Test
    void neverGoesBelowZero() {
        PoolTotals pool = new PoolTotals();
        pool.add(7, 100);
        assertThatThrownBy(() -> pool.remove(7, 101)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> pool.remove(8, 1)).isInstanceOf(IllegalStateException.class);
        assertThat(pool.on(7)).isEqualTo(100);
        assertThat(pool.total()).isEqualTo(100);
        assertThatThrownBy(() -> pool.add(7, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> pool.add(0, 100)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void copyIsASnapshot() {
        PoolTotals pool = new PoolTotals(1);
        pool.add(5, 100);
        PoolTotals snapshot = pool.copy();
        pool.add(5, 100);
        pool.add(6, 100);
        assertThat(snapshot.on(5)).isEqualTo(100);
        assertThat(snapshot.size()).isEqualTo(1);
        assertThat(snapshot.total()).isEqualTo(100);
        assertThat(pool.total()).isEqualTo(300);
    }

    @Test
    void rebuildsFromStoredTicketsToTheSameTotals() {
        List<Field> field = List.of(Field.ofRunners(12));
        List<Formulation> tickets = List.of(new Formulation.Combined(List.of(1, 2, 3, 4)),
                new Formulation.Champ(List.of(2), List.of()), new Formulation.Unit(List.of(4, 5)));
        PoolTotals live = new PoolTotals();
        PoolTotals rebuilt = new PoolTotals();
        for (Formulation ticket : tickets) {
            Combinations.forEach(BetType.COUPLE_GAGNANT, ticket, field, key -> live.add(key, 150));
        }
        for (Formulation ticket : tickets.reversed()) {
            Combinations.forEach(BetType.COUPLE_GAGNANT, ticket, field, key -> rebuilt.add(key, 150));
        }
        assertThat(rebuilt.total()).isEqualTo(live.total()).isEqualTo((6 + 11 + 1) * 150);
        live.forEach((key, stake) -> assertThat(rebuilt.on(key)).isEqualTo(stake));
        assertThat(live.on(CombinationKey.encode(1, 2))).isEqualTo(300);
    }
}
