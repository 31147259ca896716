package dev.paddock.events.catalog;

import dev.paddock.shared.ProblemException.FieldProblem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an organizer page shows back after a refused form: the values sent and each problem next to its input.
 * Forms that were not sent show the stored values.
 */
final class FormState {

    static final FormState NONE = new FormState(null, Map.of(), List.of());

    private final String formId;
    private final Map<String, String> values;
    private final Map<String, String> errors = new LinkedHashMap<>();

    FormState(String formId, Map<String, String> values, List<FieldProblem> problems) {
        this.formId = formId;
        this.values = values;
        problems.forEach(p -> errors.merge(p.field(), p.message(), (a, b) -> a + " " + b));
    }

    public boolean failed(String form) {
        return form.equals(formId);
    }

    /** The value sent to this form, or the stored one. */
    public Object value(String form, String name, Object stored) {
        return failed(form) ? values.getOrDefault(name, "") : stored == null ? "" : stored;
    }

    public boolean checked(String form, String name, boolean stored) {
        return failed(form) ? values.containsKey(name) : stored;
    }

    public String error(String form, String name) {
        return failed(form) ? errors.get(name) : null;
    }

    /** How many rows of {@code prefix[i]} to show: {@code shown}, or as many as were sent to a refused form. */
    public int rows(String form, String prefix, int shown) {
        if (!failed(form)) {
            return shown;
        }
        int rows = shown;
        for (String name : values.keySet()) {
            if (name.startsWith(prefix + "[")) {
                rows = Math.max(rows, Integer.parseInt(name.substring(prefix.length() + 1, name.indexOf(']'))) + 1);
            }
        }
        return rows;
    }

    /** Problems of this form that no input shows; {@code shown} names inputs, or lists of rows ("fields"). */
    public List<String> others(String form, List<String> shown) {
        return failed(form) ? errors.entrySet().stream()
                .filter(e -> shown.stream().noneMatch(s -> e.getKey().equals(s) || e.getKey().startsWith(s + "[")))
                .map(e -> e.getKey().isEmpty() ? e.getValue() : e.getKey() + ": " + e.getValue()).toList() : List.of();
    }

    public List<String> all(String form) {
        return failed(form) ? errors.entrySet().stream()
                .map(e -> e.getKey().isEmpty() ? e.getValue() : e.getKey() + ": " + e.getValue()).toList() : List.of();
    }
}
