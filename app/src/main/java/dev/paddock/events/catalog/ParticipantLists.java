package dev.paddock.events.catalog;

import com.github.benmanes.caffeine.cache.LoadingCache;
import dev.paddock.events.fields.FieldDefinition;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Public participant lists, cached per (race, search, page) for the snapshot TTL. Private answers never
 * leave the database: the statement keeps only the keys of the race's PUBLIC fields.
 */
@Component("catalogParticipantLists")
class ParticipantLists {

    private static final TypeReference<Map<String, Object>> ANSWERS = new TypeReference<>() {
    };

    /** What a list depends on: the race, the keys of its PUBLIC fields, the search and the page. */
    private record Key(UUID raceId, String code, List<String> publicKeys, String q, int page) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final LoadingCache<Key, Snapshot<ParticipantList>> cache;

    ParticipantLists(JdbcClient jdbc, JsonMapper json, CatalogSettings settings) {
        this.jdbc = jdbc;
        this.json = json;
        this.cache = SnapshotCache.of(settings.catalog().snapshotTtl(), 10_000, this::load);
    }

    Snapshot<ParticipantList> of(PublicEvent.PublicRace race, String q, int page) {
        return cache.get(key(race, q, page));
    }

    /** The list if this node holds it (never loads), else null. */
    Snapshot<ParticipantList> held(PublicEvent.PublicRace race, String q, int page) {
        return cache.getIfPresent(key(race, q, page));
    }

    private static Key key(PublicEvent.PublicRace race, String q, int page) {
        String search = q == null || q.isBlank() ? null : q.strip();
        List<String> publicKeys = race.fields().stream().filter(f -> f.visibility() == FieldDefinition.Visibility.PUBLIC)
                .map(FieldDefinition::key).toList();
        return new Key(race.id(), race.code(), publicKeys, search, Math.max(page, 0));
    }

    private Snapshot<ParticipantList> load(Key key) {
        String q = key.q();
        int page = key.page();
        List<ParticipantList.Participant> rows = jdbc.sql("""
                select r.first_name, r.last_name, r.bib, r.gender, r.nationality, t.name as team,
                    coalesce((select jsonb_object_agg(a.key, a.value) from jsonb_each(r.answers) a
                              where a.key = any(:publicKeys)), '{}') as fields
                from events.registrations r left join events.teams t on t.id = r.team_id
                where r.race_id = :race and r.status = 'CONFIRMED'
                  and (cast(:q as text) is null
                       or (r.first_name || ' ' || r.last_name) ilike :like escape '\\'
                       or (r.last_name || ' ' || r.first_name) ilike :like escape '\\')
                order by lower(r.last_name), lower(r.first_name), r.id
                limit :limit offset :offset""")
                .param("publicKeys", key.publicKeys().toArray(String[]::new)).param("race", key.raceId()).param("q", q)
                .param("like", q == null ? null : "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
                .param("limit", ParticipantList.PAGE_SIZE + 1).param("offset", page * ParticipantList.PAGE_SIZE)
                .query((rs, n) -> new ParticipantList.Participant(rs.getString("first_name"), rs.getString("last_name"),
                        (Integer) rs.getObject("bib"), rs.getString("gender"), rs.getString("nationality"),
                        rs.getString("team"), json.readValue(rs.getString("fields"), ANSWERS)))
                .list();
        boolean hasNext = rows.size() > ParticipantList.PAGE_SIZE;
        ParticipantList list = new ParticipantList(key.code(), q, page, hasNext,
                hasNext ? rows.subList(0, ParticipantList.PAGE_SIZE) : rows);
        return Snapshot.of(list, json.writeValueAsBytes(list));
    }
}
