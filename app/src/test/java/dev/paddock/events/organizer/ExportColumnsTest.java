package dev.paddock.events.organizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paddock.events.fields.FieldDefinition;
import dev.paddock.events.fields.FieldDefinition.FieldType;
import dev.paddock.events.fields.FieldDefinition.Visibility;
import dev.paddock.events.organizer.ExportColumns.Column;
import dev.paddock.events.organizer.ExportColumns.Scope;
import dev.paddock.shared.ProblemException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class ExportColumnsTest {

    static final FieldDefinition CLUB = field("club", Visibility.PUBLIC);
    static final FieldDefinition TSHIRT = field("tshirt", Visibility.PRIVATE);
    static final FieldDefinition EMERGENCY = field("emergency", Visibility.PRIVATE);
    static final FieldDefinition TEAM_NAME = field("relay_name", Visibility.PUBLIC);

    static Stream<Arguments> scopes() {
        return Stream.of(
                Arguments.of(Scope.PUBLIC, List.of(CLUB, TSHIRT, EMERGENCY), List.of("race", "bib", "wave", "last_name", "first_name",
                        "gender", "nationality", "category", "team", "club")),
                Arguments.of(Scope.ALL, List.of(CLUB, TSHIRT, EMERGENCY), List.of("race", "bib", "wave", "status", "last_name",
                        "first_name", "gender", "birth_date", "nationality", "category", "team", "team_role", "email",
                        "predicted_seconds", "confirmed_at", "price_cents", "club", "tshirt", "emergency")),
                Arguments.of(Scope.PUBLIC, List.of(TSHIRT), List.of("race", "bib", "wave", "last_name", "first_name", "gender",
                        "nationality", "category", "team")));
    }

    @ParameterizedTest
    @MethodSource("scopes")
    void publicColumnsAreWhatAPublicListShows(Scope scope, List<FieldDefinition> fields, List<String> headers) {
        assertThat(ExportColumns.of(scope, ExportColumns.shown(scope, fields))).extracting(Column::header).isEqualTo(headers);
    }

    @Test
    void customFieldValuesComeInColumnOrder() {
        List<FieldDefinition> shown = ExportColumns.shown(Scope.ALL, List.of(CLUB, TSHIRT));
        Participant anna = new Participant(UUID.randomUUID(), UUID.randomUUID(), "m", "CONFIRMED", 7, "A", "Anna", "Meier", "F",
                LocalDate.of(1990, 1, 1), "CH", "anna@example.test", null, null, null, Instant.EPOCH, 9500,
                java.util.Arrays.asList("LC Zürich", null));
        List<Object> values = ExportColumns.of(Scope.ALL, shown).stream()
                .map(c -> c.value().apply(new ExportColumns.Row(anna, "W30"))).toList();
        assertThat(values).containsExactly("m", 7, "A", "CONFIRMED", "Meier", "Anna", "F", LocalDate.of(1990, 1, 1), "CH", "W30",
                null, null, "anna@example.test", null, Instant.EPOCH, 9500L, "LC Zürich", null);
    }

    @Test
    void severalRacesShowEachFieldOnceInTheFirstRacesOrder() {
        assertThat(ExportColumns.union(List.of(List.of(TSHIRT, CLUB), List.of(CLUB, TEAM_NAME, TSHIRT), List.of())))
                .extracting(FieldDefinition::key).containsExactly("tshirt", "club", "relay_name");
    }

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {"null,PUBLIC", "public,PUBLIC", "PUBLIC,PUBLIC", "all,ALL", "All,ALL"})
    void scopeFromTheQuery(String fields, Scope scope) {
        assertThat(Scope.of(fields)).isEqualTo(scope);
    }

    @Test
    void anUnknownScopeOrStatusNamesTheParameter() {
        assertThatThrownBy(() -> Scope.of("private")).isInstanceOfSatisfying(ProblemException.class,
                p -> assertThat(p.fieldProblems().getFirst().field()).isEqualTo("fields"));
        assertThatThrownBy(() -> new ParticipantFilter(UUID.randomUUID(), null, "PAID", null))
                .isInstanceOfSatisfying(ProblemException.class,
                        p -> assertThat(p.fieldProblems().getFirst().field()).isEqualTo("status"));
        assertThatThrownBy(() -> new ParticipantFilter(UUID.randomUUID(), null, null, "x".repeat(101)))
                .isInstanceOfSatisfying(ProblemException.class,
                        p -> assertThat(p.fieldProblems().getFirst().field()).isEqualTo("q"));
        assertThat(new ParticipantFilter(UUID.randomUUID(), null, " waitlisted ", "  ").status()).isEqualTo("WAITLISTED");
    }

    static FieldDefinition field(String key, Visibility visibility) {
        return new FieldDefinition(key, key, FieldType.TEXT, false, visibility, List.of(), null, null, null);
    }
}
