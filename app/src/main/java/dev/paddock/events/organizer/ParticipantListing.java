package dev.paddock.events.organizer;

import dev.paddock.events.fields.FieldDefinition;
import dev.paddock.events.organizer.AgeGroups.RaceRules;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** A page of an event's participants with every field, private ones too, for the organizer's API and page. */
@Component
class ParticipantListing {

    private final Participants participants;
    private final ParticipantExports exports;
    private final RaceRulesReader rules;

    ParticipantListing(Participants participants, ParticipantExports exports, RaceRulesReader rules) {
        this.participants = participants;
        this.exports = exports;
        this.rules = rules;
    }

    /** One participant with its category and its answers by field key. */
    record ParticipantView(UUID id, UUID raceId, String race, String status, Integer bib, String wave, String firstName,
            String lastName, String gender, LocalDate birthDate, String nationality, String email, String team,
            String teamRole, String category, Integer predictedSeconds, Instant confirmedAt, long priceCents,
            Map<String, String> answers) {
    }

    record Listing(List<FieldDefinition> fields, Participants.Page page, List<ParticipantView> rows) {
    }

    Listing list(OrganizedEvent event, ParticipantFilter filter, int page) {
        List<FieldDefinition> fields = exports.fields(event, filter.raceId());
        List<String> keys = fields.stream().map(FieldDefinition::key).toList();
        Participants.Page found = participants.page(filter, keys, page);
        Map<UUID, RaceRules> raceRules = rules.of(event);
        return new Listing(fields, found, found.items().stream().map(p -> view(p, keys, raceRules)).toList());
    }

    private static ParticipantView view(Participant p, List<String> keys, Map<UUID, RaceRules> raceRules) {
        Map<String, String> answers = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            if (p.answers().get(i) != null) {
                answers.put(keys.get(i), p.answers().get(i));
            }
        }
        return new ParticipantView(p.id(), p.raceId(), p.raceCode(), p.status(), p.bib(), p.wave(), p.firstName(), p.lastName(),
                p.gender(), p.birthDate(), p.nationality(), p.email(), p.teamName(), p.teamRole(),
                AgeGroups.category(raceRules.get(p.raceId()), p.gender(), p.birthDate()), p.predictedSeconds(),
                p.confirmedAt(), p.priceCents(), answers);
    }
}
