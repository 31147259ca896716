package dev.paddock.parimutuel;

import static dev.paddock.parimutuel.BetType.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.paddock.parimutuel.Formulation.Champ;
import dev.paddock.parimutuel.Formulation.Combined;
import dev.paddock.parimutuel.Formulation.Legs;
import dev.paddock.parimutuel.Formulation.Unit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CombinationsTest {

    private static final List<Field> TEN = List.of(Field.ofRunners(10));
    private static final List<Field> BIG5_FIELDS = List.of(Field.ofRunners(8), Field.ofRunners(9),
            Field.ofRunners(10), Field.ofRunners(11), Field.ofRunners(12));

    static Stream<Arguments> counts() {
        return Stream.of(
                arguments(SIMPLE_GAGNANT, new Unit(List.of(3)), TEN, 1),
                arguments(SIMPLE_GAGNANT, new Combined(List.of(1, 2, 3)), TEN, 3),
                arguments(SIMPLE_PLACE, new Unit(List.of(10)), TEN, 1),
                arguments(COUPLE_GAGNANT, new Unit(List.of(2, 1)), TEN, 1),
                arguments(COUPLE_GAGNANT, new Combined(List.of(1, 2, 3, 4)), TEN, 6),
                arguments(COUPLE_GAGNANT, new Champ(List.of(1), List.of()), TEN, 9),
                arguments(COUPLE_GAGNANT, new Champ(List.of(1), List.of(2, 3, 4)), TEN, 3),
                arguments(COUPLE_PLACE, new Combined(List.of(1, 2, 3, 4, 5)), TEN, 10),
                arguments(COUPLE_PLACE, new Champ(List.of(5), List.of()), TEN, 9),
                arguments(COUPLE_ORDRE, new Unit(List.of(4, 2)), TEN, 1),
                arguments(COUPLE_ORDRE, new Combined(List.of(1, 2)), TEN, 2),
                arguments(COUPLE_ORDRE, new Combined(List.of(1, 2, 3)), TEN, 6),
                arguments(COUPLE_ORDRE, new Champ(List.of(1), List.of()), TEN, 18),
                arguments(DEUX_SUR_QUATRE, new Combined(List.of(1, 2, 3, 4, 5)), TEN, 10),
                arguments(DEUX_SUR_QUATRE, new Champ(List.of(7), List.of(1, 2, 3, 4)), TEN, 4),
                arguments(TRIO, new Unit(List.of(3, 1, 2)), TEN, 1),
                arguments(TRIO, new Combined(List.of(1, 2, 3, 4, 5)), TEN, 10),
                arguments(TRIO, new Champ(List.of(1), List.of()), TEN, 36),
                arguments(TRIO, new Champ(List.of(1, 2), List.of()), TEN, 8),
                arguments(TIERCE, new Unit(List.of(3, 1, 2)), TEN, 1),
                arguments(TIERCE, new Combined(List.of(1, 2, 3)), TEN, 6),
                arguments(TIERCE, new Combined(List.of(1, 2, 3, 4, 5)), TEN, 60),
                arguments(TIERCE, new Champ(List.of(1, 2), List.of(3, 4, 5, 6)), TEN, 24),
                arguments(TIERCE, new Champ(List.of(1), List.of()), TEN, 216),
                arguments(QUARTE_PLUS, new Unit(List.of(1, 2, 3, 4)), TEN, 1),
                arguments(QUARTE_PLUS, new Combined(List.of(1, 2, 3, 4, 5)), TEN, 120),
                arguments(QUARTE_PLUS, new Champ(List.of(1, 2, 3), List.of()), TEN, 168),
                arguments(QUINTE_PLUS, new Unit(List.of(5, 4, 3, 2, 1)), TEN, 1),
                arguments(QUINTE_PLUS, new Combined(List.of(1, 2, 3, 4, 5, 6, 7)), TEN, 2520),
                arguments(QUINTE_PLUS, new Champ(List.of(1, 2), List.of(3, 4, 5, 6)), TEN, 480),
                arguments(QUINTE_PLUS, new Champ(List.of(1, 2, 3, 4), List.of()), List.of(Field.ofRunners(16)), 1440),
                arguments(MULTI, new Unit(List.of(1, 2, 3, 4)), TEN, 1),
                arguments(MULTI, new Unit(List.of(1, 2, 3, 4, 5, 6, 7)), TEN, 1),
                arguments(PICK5, new Unit(List.of(1, 2, 3, 4, 5)), TEN, 1),
                arguments(PICK5, new Combined(List.of(1, 2, 3, 4, 5, 6)), TEN, 6),
                arguments(PICK5, new Champ(List.of(1, 2, 3), List.of(4, 5, 6, 7)), TEN, 6),
                arguments(PICK5, new Champ(List.of(1, 2), List.of()), TEN, 56),
                arguments(BIG5, new Legs(List.of(List.of(1, 2), List.of(3), List.of(4, 5, 6), List.of(7), List.of(8, 9))),
                        BIG5_FIELDS, 12),
                arguments(BIG5, new Legs(List.of(List.of(1), List.of(1), List.of(1), List.of(1), List.of(1))),
                        BIG5_FIELDS, 1));
    }

    @ParameterizedTest(name = "{0} {1} = {3}")
    @MethodSource("counts")
    void countsUnitCombinations(BetType type, Formulation formulation, List<Field> fields, long expected) {
        assertThat(Combinations.count(type, formulation, fields)).isEqualTo(expected);
        List<Long> keys = new ArrayList<>();
        Combinations.forEach(type, formulation, fields, keys::add);
        assertThat(keys).hasSize((int) expected).doesNotHaveDuplicates();
    }

    @ParameterizedTest(name = "Multi en {0} covers {1}")
    @MethodSource("multi")
    void multiEnKIsOneBetCoveringCK4Results(int k, long covered) {
        Unit unit = new Unit(List.of(1, 2, 3, 4, 5, 6, 7).subList(0, k));
        assertThat(Combinations.count(MULTI, unit, TEN)).isEqualTo(1);
        assertThat(Combinations.coveredCombinations(MULTI, unit, TEN)).isEqualTo(covered);
    }

    static Stream<Arguments> multi() {
        return Stream.of(arguments(4, 1), arguments(5, 5), arguments(6, 15), arguments(7, 35));
    }

    @Test
    void coveredCombinationsEqualCountOutsideMulti() {
        Combined combined = new Combined(List.of(1, 2, 3, 4, 5));
        assertThat(Combinations.coveredCombinations(TIERCE, combined, TEN)).isEqualTo(60);
    }

    static Stream<Arguments> invalid() {
        List<Field> withNonRunner4 = List.of(Field.of(1, 2, 3, 5, 6, 7, 8));
        List<Integer> sixteen = IntStream.rangeClosed(1, 16).boxed().toList();
        List<List<Integer>> fiveLegs = List.of(List.of(1), List.of(1), List.of(1), List.of(1), List.of(1));
        return Stream.of(
                arguments(SIMPLE_GAGNANT, new Unit(List.of(1, 2)), TEN, "runners"),
                arguments(SIMPLE_GAGNANT, new Unit(List.of(11)), TEN, "runners"),
                arguments(SIMPLE_GAGNANT, new Combined(List.of(1)), TEN, "runners"),
                arguments(COUPLE_GAGNANT, new Unit(List.of(1, 4)), withNonRunner4, "runners"),
                arguments(TIERCE, new Unit(List.of(1, 1, 2)), TEN, "runners"),
                arguments(COUPLE_GAGNANT, new Combined(List.of(1, 2)), TEN, "runners"),
                arguments(TIERCE, new Combined(List.of(1, 2)), TEN, "runners"),
                arguments(TRIO, new Combined(List.of(1, 2, 3, 2)), TEN, "runners"),
                arguments(MULTI, new Unit(List.of(1, 2, 3)), TEN, "runners"),
                arguments(MULTI, new Unit(List.of(1, 2, 3, 4, 5, 6, 7, 8)), TEN, "runners"),
                arguments(QUINTE_PLUS, new Combined(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20)),
                        List.of(Field.ofRunners(20)), "runners"),
                arguments(COUPLE_GAGNANT, new Champ(List.of(), List.of()), TEN, "bases"),
                arguments(COUPLE_GAGNANT, new Champ(List.of(1, 2), List.of()), TEN, "bases"),
                arguments(TRIO, new Champ(List.of(11), List.of()), TEN, "bases"),
                arguments(TRIO, new Champ(List.of(1, 1), List.of()), TEN, "bases"),
                arguments(TRIO, new Champ(List.of(4), List.of(1, 2)), withNonRunner4, "bases"),
                arguments(TRIO, new Champ(List.of(1), List.of(1, 2, 3)), TEN, "partners"),
                arguments(TRIO, new Champ(List.of(1), List.of(2)), TEN, "partners"),
                arguments(TRIO, new Champ(List.of(1), List.of(2, 2)), TEN, "partners"),
                arguments(TRIO, new Champ(List.of(1), List.of(2, 4)), withNonRunner4, "partners"),
                arguments(QUINTE_PLUS, new Champ(List.of(1), List.of()), List.of(Field.ofRunners(25)), "partners"),
                arguments(SIMPLE_GAGNANT, new Champ(List.of(1), List.of()), TEN, "formulation"),
                arguments(SIMPLE_PLACE, new Champ(List.of(1), List.of(2)), TEN, "formulation"),
                arguments(MULTI, new Champ(List.of(1), List.of()), TEN, "formulation"),
                arguments(MULTI, new Combined(List.of(1, 2, 3, 4, 5)), TEN, "formulation"),
                arguments(COUPLE_GAGNANT, new Legs(List.of(List.of(1), List.of(2))), TEN, "formulation"),
                arguments(BIG5, new Unit(List.of(1, 1, 1, 1, 1)), BIG5_FIELDS, "formulation"),
                arguments(BIG5, new Combined(List.of(1, 2)), BIG5_FIELDS, "formulation"),
                arguments(BIG5, new Legs(fiveLegs.subList(0, 4)), BIG5_FIELDS, "legs"),
                arguments(BIG5, new Legs(List.of(List.of(1), List.of(1), List.of(), List.of(1), List.of(1))),
                        BIG5_FIELDS, "legs[2]"),
                arguments(BIG5, new Legs(List.of(List.of(1), List.of(2, 2), List.of(1), List.of(1), List.of(1))),
                        BIG5_FIELDS, "legs[1]"),
                arguments(BIG5, new Legs(List.of(List.of(1), List.of(1), List.of(1), List.of(12), List.of(1))),
                        BIG5_FIELDS, "legs[3]"),
                arguments(BIG5, new Legs(Collections.nCopies(5, sixteen)), Collections.nCopies(5, Field.ofRunners(16)),
                        "legs"),
                arguments(BIG5, new Legs(fiveLegs), TEN, "fields"),
                arguments(COUPLE_GAGNANT, new Unit(List.of(1, 2)), List.of(Field.ofRunners(9), Field.ofRunners(9)), "fields"),
                arguments(COUPLE_GAGNANT, new Unit(List.of(1, 2)), List.of(), "fields"),
                arguments(QUINTE_PLUS, new Unit(List.of(1, 2, 3, 4)), List.of(Field.ofRunners(4)), "field"));
    }

    @ParameterizedTest(name = "{0} {1} -> {3}")
    @MethodSource("invalid")
    void refusesMalformedSelectionsNamingThePart(BetType type, Formulation formulation, List<Field> fields, String part) {
        assertThatThrownBy(() -> Combinations.count(type, formulation, fields))
                .isInstanceOfSatisfying(InvalidSelection.class, e -> {
                    assertThat(e.field()).isEqualTo(part);
                    assertThat(e.getMessage()).isNotBlank();
                });
        assertThatThrownBy(() -> Combinations.forEach(type, formulation, fields, key -> { }))
                .isInstanceOf(InvalidSelection.class);
    }

    @Test
    void missingPartsAreInvalidSelections() {
        assertThatThrownBy(() -> new Unit(null)).isInstanceOfSatisfying(InvalidSelection.class,
                e -> assertThat(e.field()).isEqualTo("runners"));
        assertThatThrownBy(() -> new Champ(List.of(1), Arrays.asList(2, null))).isInstanceOfSatisfying(
                InvalidSelection.class, e -> assertThat(e.field()).isEqualTo("partners"));
        assertThatThrownBy(() -> new Legs(Arrays.asList(List.of(1), null))).isInstanceOfSatisfying(
                InvalidSelection.class, e -> assertThat(e.field()).isEqualTo("legs[1]"));
        assertThatThrownBy(() -> Combinations.count(TRIO, null, TEN)).isInstanceOfSatisfying(
                InvalidSelection.class, e -> assertThat(e.field()).isEqualTo("formulation"));
        assertThatThrownBy(() -> Combinations.count(TRIO, new Unit(List.of(1, 2, 3)), null)).isInstanceOfSatisfying(
                InvalidSelection.class, e -> assertThat(e.field()).isEqualTo("fields"));
    }

    @Test
    void unorderedKeysAreSortedAndOrderedKeysKeepTheFinishingOrder() {
        assertThat(keys(TRIO, new Unit(List.of(7, 2, 5)), TEN)).containsExactly(CombinationKey.encode(2, 5, 7));
        assertThat(keys(TIERCE, new Unit(List.of(7, 2, 5)), TEN)).containsExactly(CombinationKey.encode(7, 2, 5));
        assertThat(keys(MULTI, new Unit(List.of(6, 1, 5, 2, 3)), TEN)).containsExactly(CombinationKey.encode(1, 2, 3, 5, 6));
        assertThat(keys(COUPLE_ORDRE, new Champ(List.of(3), List.of(1, 9)), TEN)).containsExactlyInAnyOrder(
                CombinationKey.encode(3, 1), CombinationKey.encode(1, 3), CombinationKey.encode(3, 9), CombinationKey.encode(9, 3));
        assertThat(keys(COUPLE_GAGNANT, new Champ(List.of(3), List.of(1, 9)), TEN)).containsExactlyInAnyOrder(
                CombinationKey.encode(1, 3), CombinationKey.encode(3, 9));
        assertThat(keys(BIG5, new Legs(List.of(List.of(8, 1), List.of(2), List.of(3), List.of(4), List.of(5))), BIG5_FIELDS))
                .containsExactlyInAnyOrder(CombinationKey.encode(1, 2, 3, 4, 5), CombinationKey.encode(8, 2, 3, 4, 5));
    }

    @Test
    void champTotalPlaysEveryOtherStarterButNotTheNonRunners() {
        List<Field> withoutRunner4 = List.of(Field.of(1, 2, 3, 5, 6));
        assertThat(keys(COUPLE_GAGNANT, new Champ(List.of(1), List.of()), withoutRunner4)).containsExactlyInAnyOrder(
                CombinationKey.encode(1, 2), CombinationKey.encode(1, 3), CombinationKey.encode(1, 5), CombinationKey.encode(1, 6));
    }

    /** Property: over random valid selections, forEach yields count distinct keys, each one the selection allows. */
    @Test
    void forEachYieldsExactlyCountDistinctKeysThatTheSelectionAllows() {
        Random random = new Random(20240102);
        int checked = 0;
        for (int trial = 0; trial < 3000; trial++) {
            BetType type = BetType.values()[random.nextInt(BetType.values().length)];
            List<Field> fields = new ArrayList<>();
            for (int leg = 0; leg < type.legs(); leg++) {
                fields.add(randomField(random));
            }
            Formulation formulation = randomFormulation(random, type, fields);
            long count;
            try {
                count = Combinations.count(type, formulation, fields);
            } catch (InvalidSelection tooBigOrTooSmall) {
                continue;
            }
            Set<Long> keys = new HashSet<>();
            long[] calls = {0};
            Combinations.forEach(type, formulation, fields, key -> {
                calls[0]++;
                keys.add(key);
                assertAllowed(type, formulation, fields, CombinationKey.decode(key));
            });
            assertThat(calls[0]).as("%s %s", type, formulation).isEqualTo(count);
            assertThat(keys).hasSize((int) count);
            checked++;
        }
        assertThat(checked).isGreaterThan(2000);
    }

    private static void assertAllowed(BetType type, Formulation formulation, List<Field> fields, int[] runners) {
        List<Integer> combination = Arrays.stream(runners).boxed().toList();
        switch (formulation) {
            case Unit unit -> {
                assertThat(combination).containsExactlyInAnyOrderElementsOf(unit.runners());
                if (type.ordered()) {
                    assertThat(combination).containsExactlyElementsOf(unit.runners());
                }
            }
            case Combined combined -> assertThat(combined.runners()).containsAll(combination).hasSizeGreaterThanOrEqualTo(runners.length);
            case Champ champ -> {
                assertThat(combination).containsAll(champ.bases());
                List<Integer> rest = new ArrayList<>(combination);
                rest.removeAll(champ.bases());
                assertThat(rest).allMatch(r -> champ.total() ? fields.getFirst().contains(r) : champ.partners().contains(r));
            }
            case Legs legs -> {
                for (int leg = 0; leg < runners.length; leg++) {
                    assertThat(legs.legs().get(leg)).contains(runners[leg]);
                }
            }
        }
        assertThat(runners).hasSize(type == MULTI ? runners.length : type.multiRace() ? 5 : type.runners());
        if (!type.ordered() && !type.multiRace()) {
            assertThat(runners).isSorted();
        }
    }

    private static Field randomField(Random random) {
        List<Integer> runners = new ArrayList<>();
        int declared = 8 + random.nextInt(13);
        for (int runner = 1; runner <= declared; runner++) {
            if (random.nextInt(10) > 0) {
                runners.add(runner);
            }
        }
        return new Field(runners.stream().mapToInt(Integer::intValue).toArray());
    }

    private static Formulation randomFormulation(Random random, BetType type, List<Field> fields) {
        if (type == BIG5) {
            List<List<Integer>> legs = new ArrayList<>();
            for (Field field : fields) {
                legs.add(pick(random, field, 1 + random.nextInt(3)));
            }
            return new Legs(legs);
        }
        Field field = fields.getFirst();
        int n = type.runners();
        int kind = type == MULTI ? 0 : random.nextInt(n == 1 ? 2 : 4);
        return switch (kind) {
            case 0 -> new Unit(pick(random, field, type == MULTI ? 4 + random.nextInt(4) : n));
            case 1 -> new Combined(pick(random, field, n + 1 + random.nextInt(3)));
            default -> {
                int b = 1 + random.nextInt(n - 1);
                List<Integer> chosen = pick(random, field, b + (kind == 2 ? 0 : n - b + random.nextInt(3)));
                yield new Champ(chosen.subList(0, b), chosen.subList(b, chosen.size()));
            }
        };
    }

    private static List<Integer> pick(Random random, Field field, int size) {
        List<Integer> starters = new ArrayList<>(Arrays.stream(field.starters()).boxed().toList());
        Collections.shuffle(starters, random);
        return List.copyOf(starters.subList(0, Math.min(size, starters.size())));
    }

    private static List<Long> keys(BetType type, Formulation formulation, List<Field> fields) {
        List<Long> keys = new ArrayList<>();
        Combinations.forEach(type, formulation, fields, keys::add);
        return keys;
    }
}
