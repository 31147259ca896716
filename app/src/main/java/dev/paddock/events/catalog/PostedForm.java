package dev.paddock.events.catalog;

import dev.paddock.shared.Money;
import dev.paddock.shared.ProblemException.FieldProblem;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.util.MultiValueMap;

/**
 * Reads an organizer page's form: inputs named as the API's JSON fields ({@code team.minSize},
 * {@code fields[2].key}), blank inputs as absent, times typed in the event's zone, prices in euros. A value
 * that does not read is a problem named like the input, so the page shows it next to it.
 */
final class PostedForm {

    private final MultiValueMap<String, String> params;
    private final ZoneId zone;
    private final List<FieldProblem> problems = new ArrayList<>();

    PostedForm(MultiValueMap<String, String> params, ZoneId zone) {
        this.params = params;
        this.zone = zone;
    }

    List<FieldProblem> problems() {
        return problems;
    }

    Map<String, String> values() {
        return params.toSingleValueMap();
    }

    boolean checked(String name) {
        return params.containsKey(name) && !"false".equals(params.getFirst(name));
    }

    String text(String name) {
        String value = params.getFirst(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    Integer integer(String name) {
        String value = text(name);
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            problems.add(new FieldProblem(name, "type", "A whole number is expected"));
            return null;
        }
    }

    /** Euros as typed ("95", "95.50") to cents. */
    Long cents(String name) {
        String value = text(name);
        if (value == null) {
            return null;
        }
        try {
            return Money.parse(new BigDecimal(value.replace(',', '.')).toPlainString()).cents();
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem(name, "type", "An amount in euros with at most two decimals is expected"));
            return null;
        }
    }

    Instant instant(String name) {
        String value = text(name);
        if (value == null) {
            return null;
        }
        try {
            return LocalDateTime.parse(value).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(name, "type", "A date and time is expected"));
            return null;
        }
    }

    LocalDate date(String name) {
        String value = text(name);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(name, "type", "A date is expected"));
            return null;
        }
    }

    <E extends Enum<E>> E choice(String name, Class<E> type) {
        String value = text(name);
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem(name, "type", "Not one of the choices"));
            return null;
        }
    }

    /** The indexes of the rows {@code prefix[i].*} sent, in order, skipping rows marked {@code prefix[i].remove} or left blank. */
    List<Integer> rows(String prefix, String requiredColumn) {
        Pattern row = Pattern.compile(Pattern.quote(prefix) + "\\[(\\d+)]\\..*");
        TreeSet<Integer> indexes = new TreeSet<>();
        for (String key : params.keySet()) {
            Matcher m = row.matcher(key);
            if (m.matches()) {
                indexes.add(Integer.valueOf(m.group(1)));
            }
        }
        return indexes.stream().filter(i -> !checked(prefix + "[" + i + "].remove"))
                .filter(i -> text(prefix + "[" + i + "]." + requiredColumn) != null).toList();
    }
}
