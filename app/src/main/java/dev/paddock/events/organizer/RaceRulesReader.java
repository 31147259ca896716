package dev.paddock.events.organizer;

import dev.paddock.events.fields.FieldDefinition;
import dev.paddock.events.organizer.AgeGroups.RaceRules;
import dev.paddock.events.rules.AgeCategories;
import dev.paddock.events.rules.AgeCategory;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Reads what a race keeps as JSON: its categories (with basis and race day) and its custom fields. */
@Component
class RaceRulesReader {

    private static final TypeReference<List<AgeCategory>> CATEGORIES = new TypeReference<>() {
    };
    private static final TypeReference<List<FieldDefinition>> FIELDS = new TypeReference<>() {
    };

    private final EventAccess access;
    private final JsonMapper json;

    RaceRulesReader(EventAccess access, JsonMapper json) {
        this.access = access;
        this.json = json;
    }

    /** Each race's category rules; the caller has checked the event. */
    Map<UUID, RaceRules> of(OrganizedEvent event) {
        Map<UUID, RaceRules> rules = new HashMap<>();
        for (OrganizedRace race : access.races(event.id())) {
            rules.put(race.id(), new RaceRules(json.readValue(race.categoriesJson(), CATEGORIES),
                    AgeCategories.Basis.valueOf(race.ageBasis()), race.startsAt().atZone(event.zone()).toLocalDate()));
        }
        return rules;
    }

    List<FieldDefinition> fields(OrganizedRace race) {
        return json.readValue(race.fieldsJson(), FIELDS);
    }
}
