package dev.paddock.events.fields;

import dev.paddock.shared.ProblemException.FieldProblem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks an organizer's list of custom fields before it is stored. Pure; no framework. */
public final class FieldDefinitions {

    public static final int MAX_FIELDS = 40;
    public static final int DEFAULT_MAX_LENGTH = 200;
    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_]{0,39}");
    /** Keys the registration itself uses for the athlete's identity. */
    private static final Set<String> RESERVED = Set.of("first_name", "last_name", "gender", "birth_date",
            "nationality", "email", "predicted_seconds", "team", "bib");

    private FieldDefinitions() {
    }

    /**
     * What is wrong with the list, each problem named by its path under {@code prefix}
     * ({@code "fields[2].options"}); empty if it can be stored.
     */
    public static List<FieldProblem> problems(String prefix, List<FieldDefinition> fields) {
        List<FieldProblem> problems = new ArrayList<>();
        if (fields.size() > MAX_FIELDS) {
            problems.add(new FieldProblem(prefix, "too-many", "At most " + MAX_FIELDS + " custom fields"));
        }
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < fields.size(); i++) {
            String at = prefix + "[" + i + "]";
            FieldDefinition field = fields.get(i);
            if (field == null) {
                problems.add(new FieldProblem(at, "required", "A field is required"));
                continue;
            }
            if (field.key() == null || !KEY.matcher(field.key()).matches()) {
                problems.add(new FieldProblem(at + ".key", "pattern",
                        "A key is a lower-case letter then up to 39 letters, digits or underscores"));
            } else if (RESERVED.contains(field.key())) {
                problems.add(new FieldProblem(at + ".key", "reserved", "'" + field.key() + "' is reserved"));
            } else if (!keys.add(field.key())) {
                problems.add(new FieldProblem(at + ".key", "duplicate", "Two fields have the key " + field.key()));
            }
            if (field.label() == null || field.label().isBlank() || field.label().length() > 120) {
                problems.add(new FieldProblem(at + ".label", "size", "A label has 1 to 120 characters"));
            }
            if (field.type() == null) {
                problems.add(new FieldProblem(at + ".type", "required", "A type is required"));
            }
            if (field.visibility() == null) {
                problems.add(new FieldProblem(at + ".visibility", "required", "PUBLIC or PRIVATE is required"));
            }
            typeProblems(at, field, problems);
        }
        return List.copyOf(problems);
    }

    private static void typeProblems(String at, FieldDefinition field, List<FieldProblem> problems) {
        boolean choice = field.type() == FieldDefinition.FieldType.CHOICE;
        if (choice) {
            Set<String> seen = new HashSet<>();
            boolean blank = field.options().stream().anyMatch(o -> o == null || o.isBlank() || o.length() > 80);
            boolean duplicate = !field.options().stream().allMatch(o -> o == null || seen.add(o));
            if (field.options().size() < 2 || field.options().size() > 200 || blank || duplicate) {
                problems.add(new FieldProblem(at + ".options", "options",
                        "A choice has 2 to 200 distinct options of 1 to 80 characters"));
            }
        } else if (!field.options().isEmpty()) {
            problems.add(new FieldProblem(at + ".options", "not-allowed", "Only a CHOICE has options"));
        }
        boolean number = field.type() == FieldDefinition.FieldType.NUMBER;
        if (!number && (field.min() != null || field.max() != null)) {
            problems.add(new FieldProblem(at + ".min", "not-allowed", "Only a NUMBER has min and max"));
        }
        if (number && field.min() != null && field.max() != null && field.min() > field.max()) {
            problems.add(new FieldProblem(at + ".max", "range", "max is below min"));
        }
        if (field.maxLength() != null && (field.type() != FieldDefinition.FieldType.TEXT
                || field.maxLength() < 1 || field.maxLength() > 2000)) {
            problems.add(new FieldProblem(at + ".maxLength", "range", "Only a TEXT has a maxLength, 1 to 2000"));
        }
    }
}
