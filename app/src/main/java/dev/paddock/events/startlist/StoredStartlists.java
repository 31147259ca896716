package dev.paddock.events.startlist;

import dev.paddock.events.StartlistRace;
import dev.paddock.events.Starter;
import dev.paddock.events.Startlists;
import dev.paddock.events.fields.FieldDefinition;
import dev.paddock.events.rules.AgeCategories;
import dev.paddock.events.rules.AgeCategory;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Start lists read from the registrations, with each starter's category computed by the race's rules. */
@Component
class StoredStartlists implements Startlists {

    private static final TypeReference<List<AgeCategory>> CATEGORIES = new TypeReference<>() {
    };
    private static final TypeReference<List<FieldDefinition>> FIELDS = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, Object>> ANSWERS = new TypeReference<>() {
    };

    private static final String RACE = """
            select r.id, r.event_id, e.slug, e.name as event_name, r.code, r.name, r.distance_m, r.starts_at, e.zone
            from events.races r join events.events e on e.id = r.event_id""";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    StoredStartlists(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public Optional<StartlistRace> race(UUID raceId) {
        return jdbc.sql(RACE + " where r.id = :race").param("race", raceId).query((rs, n) -> race(rs)).optional();
    }

    @Override
    public List<StartlistRace> racesBetween(java.time.Instant from, java.time.Instant to) {
        return jdbc.sql(RACE + " where r.starts_at >= :from and r.starts_at < :to and e.status <> 'CANCELLED' order by r.starts_at limit 500")
                .param("from", java.sql.Timestamp.from(from)).param("to", java.sql.Timestamp.from(to))
                .query((rs, n) -> race(rs)).list();
    }

    @Override
    public Set<String> publicFields(UUID raceId) {
        return rulesOf(raceId).map(Rules::publicKeys).orElse(Set.of());
    }

    @Override
    public List<Starter> starters(UUID raceId) {
        Rules rules = rulesOf(raceId).orElse(null);
        if (rules == null) {
            return List.of();
        }
        return jdbc.sql("""
                select g.id, g.account_id, g.bib, g.first_name, g.last_name, g.gender, g.birth_date, g.nationality,
                    g.team_id, t.name as team_name, g.answers::text as answers
                from events.registrations g left join events.teams t on t.id = g.team_id
                where g.race_id = :race and g.status = 'CONFIRMED' and g.bib is not null
                order by g.bib""")
                .param("race", raceId).query((rs, n) -> starter(rs, rules)).list();
    }

    @Override
    public List<Entry> entriesOf(UUID accountId) {
        return jdbc.sql("""
                select g.race_id, g.bib from events.registrations g join events.races r on r.id = g.race_id
                where g.account_id = :account and g.status = 'CONFIRMED' and g.bib is not null
                order by r.starts_at desc limit 200""")
                .param("account", accountId).query((rs, n) -> new Entry(rs.getObject("race_id", UUID.class), rs.getInt("bib")))
                .list();
    }

    private StartlistRace race(ResultSet rs) throws SQLException {
        return new StartlistRace(rs.getObject("id", UUID.class), rs.getObject("event_id", UUID.class),
                rs.getString("slug"), rs.getString("event_name"), rs.getString("code"), rs.getString("name"),
                rs.getInt("distance_m"), rs.getTimestamp("starts_at").toInstant(), rs.getString("zone"));
    }

    private Optional<Rules> rulesOf(UUID raceId) {
        return jdbc.sql("""
                select r.categories::text as categories, r.age_basis, r.fields::text as fields, r.starts_at, e.zone
                from events.races r join events.events e on e.id = r.event_id where r.id = :race""")
                .param("race", raceId).query(this::rules).optional();
    }

    private Rules rules(ResultSet rs, int row) throws SQLException {
        List<AgeCategory> categories = json.readValue(rs.getString("categories"), CATEGORIES);
        Set<String> publicKeys = json.readValue(rs.getString("fields"), FIELDS).stream()
                .filter(f -> f.visibility() == FieldDefinition.Visibility.PUBLIC).map(FieldDefinition::key)
                .collect(Collectors.toUnmodifiableSet());
        LocalDate raceDay = rs.getTimestamp("starts_at").toInstant().atZone(ZoneId.of(rs.getString("zone"))).toLocalDate();
        return new Rules(categories.isEmpty() ? AgeCategories.standard() : categories,
                AgeCategories.Basis.valueOf(rs.getString("age_basis")), raceDay, publicKeys);
    }

    private Starter starter(ResultSet rs, Rules rules) throws SQLException {
        LocalDate born = rs.getDate("birth_date").toLocalDate();
        String gender = rs.getString("gender");
        Map<String, String> publicFields = new LinkedHashMap<>();
        json.readValue(rs.getString("answers"), ANSWERS).forEach((key, value) -> {
            if (rules.publicKeys.contains(key) && value != null) {
                publicFields.put(key, String.valueOf(value));
            }
        });
        String category = AgeCategories.of(rules.categories, gender, born, rules.raceDay, rules.basis)
                .map(AgeCategory::code).orElse(null);
        return new Starter(rs.getObject("id", UUID.class), rs.getObject("account_id", UUID.class), rs.getInt("bib"),
                rs.getString("first_name"), rs.getString("last_name"), gender, born, rs.getString("nationality"),
                category, rs.getObject("team_id", UUID.class), rs.getString("team_name"), publicFields);
    }

    private record Rules(List<AgeCategory> categories, AgeCategories.Basis basis, LocalDate raceDay,
            Set<String> publicKeys) {
    }
}
