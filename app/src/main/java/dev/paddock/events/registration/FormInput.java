package dev.paddock.events.registration;

import dev.paddock.events.fields.FieldDefinition;
import dev.paddock.shared.ProblemException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.util.MultiValueMap;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A registration form as posted: inputs are named as the API names the fields ({@code athlete.birthDate},
 * {@code answers.tshirt}, {@code members[1].athlete.email}), so the API's problems land next to their inputs.
 */
record FormInput(Map<String, String> values) {

    private static final Pattern MEMBER = Pattern.compile("members\\[(\\d{1,2})]\\..*");

    static FormInput of(MultiValueMap<String, String> params) {
        Map<String, String> values = new LinkedHashMap<>();
        params.forEach((name, list) -> values.put(name, list.isEmpty() ? "" : list.getFirst()));
        return new FormInput(values);
    }

    String get(String name) {
        String value = values.get(name);
        return value == null || value.isBlank() ? null : value.trim();
    }

    Athlete athlete(String prefix) {
        LocalDate birthDate = null;
        try {
            birthDate = get(prefix + ".birthDate") == null ? null : LocalDate.parse(get(prefix + ".birthDate"));
        } catch (DateTimeParseException notADate) {
            // left null: "birth date required" is what the reader needs to hear
        }
        return new Athlete(get(prefix + ".firstName"), get(prefix + ".lastName"), get(prefix + ".gender"), birthDate,
                get(prefix + ".nationality"), get(prefix + ".email"));
    }

    /** The answers as JSON, typed by the race's fields; what cannot be read as its type goes as text, to be refused. */
    ObjectNode answers(String prefix, List<FieldDefinition> fields) {
        ObjectNode answers = JsonNodeFactory.instance.objectNode();
        for (FieldDefinition field : fields) {
            String value = get(prefix + "." + field.key());
            if (field.type() == FieldDefinition.FieldType.CONSENT) {
                answers.put(field.key(), "true".equals(value));
            } else if (value != null) {
                if (field.type() == FieldDefinition.FieldType.NUMBER) {
                    try {
                        answers.put(field.key(), new BigDecimal(value));
                    } catch (NumberFormatException notANumber) {
                        answers.put(field.key(), value);
                    }
                } else {
                    answers.put(field.key(), value);
                }
            }
        }
        return answers;
    }

    /** The member rows present in the form, in order (rows removed in the browser leave gaps). */
    List<Integer> memberRows() {
        TreeSet<Integer> rows = new TreeSet<>();
        for (String name : values.keySet()) {
            Matcher matcher = MEMBER.matcher(name);
            if (matcher.matches()) {
                rows.add(Integer.parseInt(matcher.group(1)));
            }
        }
        return List.copyOf(rows);
    }

    /**
     * The problem's messages keyed by input name, in the reader's language where a text exists for the code
     * ({@code registration.error.<code>}); a problem about no field goes under {@code form}.
     */
    static Map<String, String> errors(ProblemException problem, MessageSource messages, Locale locale) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (problem.fieldProblems().isEmpty()) {
            errors.put("form", messages.getMessage("registration.refusal." + problem.slug(), null, problem.getMessage(),
                    locale));
        }
        for (ProblemException.FieldProblem field : problem.fieldProblems()) {
            errors.putIfAbsent(field.field(), messages.getMessage("registration.error." + field.code(), null,
                    field.message(), locale));
        }
        if (!problem.fieldProblems().isEmpty() && !errors.containsKey("form")) {
            errors.put("form", messages.getMessage("registration.page.fix", null, locale));
        }
        return errors;
    }
}
