package dev.paddock.events.fields;

import java.util.List;

/**
 * One custom field of a race's registration form, as the organizer defines it. Stored in
 * {@code events.races.fields} as a JSON array of these records; an athlete's values are stored in
 * {@code events.registrations.answers} keyed by {@link #key}.
 *
 * @param key        the stable name of the value, {@code [a-z][a-z0-9_]{0,39}}, unique in the race
 * @param label      what the form shows
 * @param type       what kind of value it takes
 * @param required   whether the form may be sent without it (a CONSENT that is required must be true)
 * @param visibility PUBLIC values appear on participant lists and results and may group rankings (club,
 *                   team); PRIVATE values only the organizer and operators see (emergency contact, T-shirt)
 * @param options    the allowed values of a CHOICE, empty for other types
 * @param min        the smallest NUMBER allowed, or null
 * @param max        the largest NUMBER allowed, or null
 * @param maxLength  the longest TEXT allowed, or null for the default of 200
 */
public record FieldDefinition(String key, String label, FieldType type, boolean required,
        Visibility visibility, List<String> options, Long min, Long max, Integer maxLength) {

    public FieldDefinition {
        options = options == null ? List.of() : List.copyOf(options);
    }

    public enum FieldType {
        TEXT, NUMBER, CHOICE, DATE, CONSENT
    }

    public enum Visibility {
        PUBLIC, PRIVATE
    }
}
