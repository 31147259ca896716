package dev.paddock.events;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/**
 * One confirmed entrant with a bib.
 *
 * @param accountId    the athlete's account, or null
 * @param category     the age category on race day by the race's rules (e.g. "M40"), or null
 * @param teamId       the team, or null
 * @param publicFields the PUBLIC custom field answers (club...), as text
 */
public record Starter(UUID registrationId, UUID accountId, int bib, String firstName, String lastName,
        String gender, LocalDate birthDate, String nationality, String category, UUID teamId, String teamName,
        Map<String, String> publicFields) {

    public Starter {
        publicFields = Map.copyOf(publicFields);
    }
}
