package dev.paddock.events.organizer;

import dev.paddock.events.fields.FieldDefinition;
import dev.paddock.events.fields.FieldDefinition.Visibility;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The columns of a participant export. {@code PUBLIC}: what a public participant list may show (race,
 * bib and its wave, name, gender, nationality, category, team) and the PUBLIC custom fields; {@code ALL}: every
 * column and every custom field, for the organizer. One column per custom field, named by its key, in the
 * race's field order (for several races: the first race's order, then fields only later races have).
 */
final class ExportColumns {

    enum Scope {
        PUBLIC, ALL;

        static Scope of(String fields) {
            if (fields == null || fields.equalsIgnoreCase("public")) {
                return PUBLIC;
            }
            if (fields.equalsIgnoreCase("all")) {
                return ALL;
            }
            throw dev.paddock.shared.ProblemException.field("fields", "unknown", "fields is public or all.");
        }
    }

    /** A column: its header and how a participant's value is read (category aside, given by the caller). */
    record Column(String header, Function<Row, Object> value) {
    }

    /** A participant with its category, as one export line. */
    record Row(Participant participant, String category) {
    }

    private ExportColumns() {
    }

    /** The custom fields of the races, each key once, in the races' order. */
    static List<FieldDefinition> union(List<List<FieldDefinition>> perRace) {
        Map<String, FieldDefinition> fields = new LinkedHashMap<>();
        perRace.forEach(race -> race.forEach(field -> fields.putIfAbsent(field.key(), field)));
        return List.copyOf(fields.values());
    }

    /** The custom fields a scope shows. */
    static List<FieldDefinition> shown(Scope scope, List<FieldDefinition> fields) {
        return fields.stream().filter(f -> scope == Scope.ALL || f.visibility() == Visibility.PUBLIC).toList();
    }

    /** @param fields the custom fields shown, as {@link #shown} gives them; answers come in that order */
    static List<Column> of(Scope scope, List<FieldDefinition> fields) {
        List<Column> columns = new ArrayList<>();
        columns.add(new Column("race", r -> r.participant().raceCode()));
        columns.add(new Column("bib", r -> r.participant().bib()));
        columns.add(new Column("wave", r -> r.participant().wave()));
        if (scope == Scope.ALL) {
            columns.add(new Column("status", r -> r.participant().status()));
        }
        columns.add(new Column("last_name", r -> r.participant().lastName()));
        columns.add(new Column("first_name", r -> r.participant().firstName()));
        columns.add(new Column("gender", r -> r.participant().gender()));
        if (scope == Scope.ALL) {
            columns.add(new Column("birth_date", r -> r.participant().birthDate()));
        }
        columns.add(new Column("nationality", r -> r.participant().nationality()));
        columns.add(new Column("category", Row::category));
        columns.add(new Column("team", r -> r.participant().teamName()));
        if (scope == Scope.ALL) {
            columns.add(new Column("team_role", r -> r.participant().teamRole()));
            columns.add(new Column("email", r -> r.participant().email()));
            columns.add(new Column("predicted_seconds", r -> r.participant().predictedSeconds()));
            columns.add(new Column("confirmed_at", r -> r.participant().confirmedAt()));
            columns.add(new Column("price_cents", r -> r.participant().priceCents()));
        }
        for (int i = 0; i < fields.size(); i++) {
            int index = i;
            columns.add(new Column(fields.get(i).key(), r -> r.participant().answers().get(index)));
        }
        return columns;
    }
}
