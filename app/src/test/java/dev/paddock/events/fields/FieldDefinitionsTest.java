package dev.paddock.events.fields;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paddock.events.fields.FieldDefinition.FieldType;
import dev.paddock.events.fields.FieldDefinition.Visibility;
import dev.paddock.shared.ProblemException.FieldProblem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FieldDefinitionsTest {

    private static FieldDefinition text(String key) {
        return new FieldDefinition(key, "Label", FieldType.TEXT, false, Visibility.PUBLIC, null, null, null, null);
    }

    private static FieldDefinition field(String key, String label, FieldType type, Visibility visibility,
            List<String> options, Long min, Long max, Integer maxLength) {
        return new FieldDefinition(key, label, type, true, visibility, options, min, max, maxLength);
    }

    static Stream<Arguments> singleFields() {
        List<String> sml = List.of("S", "M", "L");
        return Stream.of(
                Arguments.of("a plain text", text("club"), List.of()),
                Arguments.of("every type valid", field("size", "Size", FieldType.CHOICE, Visibility.PRIVATE, sml, null,
                        null, null), List.of()),
                Arguments.of("number with bounds", field("n", "N", FieldType.NUMBER, Visibility.PUBLIC, null, 1L, 9L,
                        null), List.of()),
                Arguments.of("number with equal bounds", field("n", "N", FieldType.NUMBER, Visibility.PUBLIC, null, 5L,
                        5L, null), List.of()),
                Arguments.of("text with max length", field("t", "T", FieldType.TEXT, Visibility.PUBLIC, null, null,
                        null, 2000), List.of()),
                Arguments.of("key with upper case", text("Club"), List.of("fields[0].key:pattern")),
                Arguments.of("key starting with a digit", text("1club"), List.of("fields[0].key:pattern")),
                Arguments.of("key too long", text("a" + "b".repeat(40)), List.of("fields[0].key:pattern")),
                Arguments.of("key of 40 characters", text("a" + "b".repeat(39)), List.of()),
                Arguments.of("null key", text(null), List.of("fields[0].key:pattern")),
                Arguments.of("reserved key", text("email"), List.of("fields[0].key:reserved")),
                Arguments.of("blank label", field("k", " ", FieldType.TEXT, Visibility.PUBLIC, null, null, null, null),
                        List.of("fields[0].label:size")),
                Arguments.of("label too long", field("k", "x".repeat(121), FieldType.TEXT, Visibility.PUBLIC, null,
                        null, null, null), List.of("fields[0].label:size")),
                Arguments.of("no type", field("k", "K", null, Visibility.PUBLIC, null, null, null, null),
                        List.of("fields[0].type:required")),
                Arguments.of("no visibility", field("k", "K", FieldType.TEXT, null, null, null, null, null),
                        List.of("fields[0].visibility:required")),
                Arguments.of("choice with one option", field("k", "K", FieldType.CHOICE, Visibility.PUBLIC,
                        List.of("S"), null, null, null), List.of("fields[0].options:options")),
                Arguments.of("choice with duplicate options", field("k", "K", FieldType.CHOICE, Visibility.PUBLIC,
                        List.of("S", "S"), null, null, null), List.of("fields[0].options:options")),
                Arguments.of("choice with a blank option", field("k", "K", FieldType.CHOICE, Visibility.PUBLIC,
                        List.of("S", " "), null, null, null), List.of("fields[0].options:options")),
                Arguments.of("choice with an option too long", field("k", "K", FieldType.CHOICE, Visibility.PUBLIC,
                        List.of("S", "x".repeat(81)), null, null, null), List.of("fields[0].options:options")),
                Arguments.of("choice with 201 options", field("k", "K", FieldType.CHOICE, Visibility.PUBLIC,
                        IntStream.range(0, 201).mapToObj(i -> "o" + i).toList(), null, null, null),
                        List.of("fields[0].options:options")),
                Arguments.of("options on a text", field("k", "K", FieldType.TEXT, Visibility.PUBLIC, sml, null, null,
                        null), List.of("fields[0].options:not-allowed")),
                Arguments.of("min on a text", field("k", "K", FieldType.TEXT, Visibility.PUBLIC, null, 1L, null, null),
                        List.of("fields[0].min:not-allowed")),
                Arguments.of("max on a date", field("k", "K", FieldType.DATE, Visibility.PUBLIC, null, null, 1L, null),
                        List.of("fields[0].min:not-allowed")),
                Arguments.of("max below min", field("k", "K", FieldType.NUMBER, Visibility.PUBLIC, null, 5L, 4L, null),
                        List.of("fields[0].max:range")),
                Arguments.of("max length on a number", field("k", "K", FieldType.NUMBER, Visibility.PUBLIC, null, null,
                        null, 10), List.of("fields[0].maxLength:range")),
                Arguments.of("max length of zero", field("k", "K", FieldType.TEXT, Visibility.PUBLIC, null, null, null,
                        0), List.of("fields[0].maxLength:range")),
                Arguments.of("max length above 2000", field("k", "K", FieldType.TEXT, Visibility.PUBLIC, null, null,
                        null, 2001), List.of("fields[0].maxLength:range")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("singleFields")
    void checksEachDefinition(String name, FieldDefinition field, List<String> expected) {
        assertThat(codes(FieldDefinitions.problems("fields", List.of(field)))).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void anEmptyListIsFine() {
        assertThat(FieldDefinitions.problems("fields", List.of())).isEmpty();
    }

    @Test
    void keysAreUniqueInARace() {
        assertThat(codes(FieldDefinitions.problems("races[1].fields", List.of(text("club"), text("size"), text("club")))))
                .containsExactly("races[1].fields[2].key:duplicate");
    }

    @Test
    void aMissingDefinitionIsNamedByItsIndex() {
        assertThat(codes(FieldDefinitions.problems("fields", Arrays.asList(text("a"), null))))
                .containsExactly("fields[1]:required");
    }

    @Test
    void atMostFortyFields() {
        List<FieldDefinition> forty = new ArrayList<>(IntStream.range(0, 40).mapToObj(i -> text("f" + i)).toList());
        assertThat(FieldDefinitions.problems("fields", forty)).isEmpty();
        forty.add(text("f40"));
        assertThat(codes(FieldDefinitions.problems("fields", forty))).containsExactly("fields:too-many");
    }

    @Test
    void everyReservedKeyIsRefused() {
        for (String key : List.of("first_name", "last_name", "gender", "birth_date", "nationality", "email",
                "predicted_seconds", "team", "bib")) {
            assertThat(codes(FieldDefinitions.problems("fields", List.of(text(key)))))
                    .as(key).containsExactly("fields[0].key:reserved");
        }
    }

    private static List<String> codes(List<FieldProblem> problems) {
        return problems.stream().map(p -> p.field() + ":" + p.code()).toList();
    }
}
