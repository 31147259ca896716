package dev.paddock.events.registration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.paddock.events.fields.AnswerSchemas;
import dev.paddock.events.fields.FieldDefinition;
import dev.paddock.events.rules.AgeCategories;
import dev.paddock.events.rules.RegistrationWindow;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Races' terms from a short-lived cache: during an opening rush the race row and its tiers are read once
 * per {@code terms-ttl}, not once per request; the compiled answer schema survives reloads as long as the
 * race's version does not change ({@link AnswerSchemas}).
 */
@Component
class RaceTermsCache {

    private static final TypeReference<List<FieldDefinition>> FIELDS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final AnswerSchemas schemas;
    private final Cache<UUID, Optional<RaceTerms>> byId;
    private final Cache<String, Optional<UUID>> bySlugAndCode;

    RaceTermsCache(JdbcClient jdbc, JsonMapper json, AnswerSchemas schemas, RegistrationProperties properties) {
        this.jdbc = jdbc;
        this.json = json;
        this.schemas = schemas;
        this.byId = Caffeine.newBuilder().expireAfterWrite(properties.termsTtl()).maximumSize(10_000).build();
        this.bySlugAndCode = Caffeine.newBuilder().expireAfterWrite(properties.termsTtl()).maximumSize(10_000).build();
    }

    Optional<RaceTerms> race(UUID raceId) {
        return byId.get(raceId, this::load);
    }

    Optional<RaceTerms> race(String eventSlug, String raceCode) {
        return bySlugAndCode.get(eventSlug + "/" + raceCode, key -> jdbc.sql("""
                        select r.id from events.races r join events.events e on e.id = r.event_id
                        where e.slug = :slug and r.code = :code""")
                .param("slug", eventSlug).param("code", raceCode).query(UUID.class).optional())
                .flatMap(this::race);
    }

    private Optional<RaceTerms> load(UUID raceId) {
        List<PriceTier> tiers = jdbc.sql("""
                        select name, starts_at, ends_at, price_cents from events.price_tiers
                        where race_id = :race order by starts_at""")
                .param("race", raceId)
                .query((rs, n) -> new PriceTier(rs.getString(1), rs.getTimestamp(2).toInstant(),
                        rs.getTimestamp(3).toInstant(), rs.getLong(4)))
                .list();
        return jdbc.sql("""
                        select r.id, r.event_id, e.slug, e.name as event_name, e.status, e.zone, r.code, r.name,
                               r.starts_at, r.mode, r.registration, r.registration_opens_at, r.registration_closes_at,
                               r.min_age, r.max_age, r.age_basis, r.fields::text as fields, r.version,
                               r.team_min_size, r.team_max_size, r.team_substitutes, r.team_gender_rule, r.bib_mode
                        from events.races r join events.events e on e.id = r.event_id where r.id = :race""")
                .param("race", raceId).query((rs, n) -> terms(rs, tiers)).optional();
    }

    private RaceTerms terms(ResultSet rs, List<PriceTier> tiers) throws SQLException {
        UUID raceId = rs.getObject("id", UUID.class);
        List<FieldDefinition> fields = json.readValue(rs.getString("fields"), FIELDS);
        Integer minSize = (Integer) rs.getObject("team_min_size");
        TeamRules team = minSize == null ? null : new TeamRules(minSize, rs.getInt("team_max_size"),
                rs.getInt("team_substitutes"), TeamRules.GenderRule.valueOf(rs.getString("team_gender_rule")));
        return new RaceTerms(raceId, rs.getObject("event_id", UUID.class), rs.getString("slug"),
                rs.getString("event_name"), "PUBLISHED".equals(rs.getString("status")), ZoneId.of(rs.getString("zone")),
                rs.getString("code"), rs.getString("name"), rs.getTimestamp("starts_at").toInstant(),
                "LOTTERY".equals(rs.getString("mode")), RegistrationWindow.Stored.valueOf(rs.getString("registration")),
                rs.getTimestamp("registration_opens_at").toInstant(), rs.getTimestamp("registration_closes_at").toInstant(),
                (Integer) rs.getObject("min_age"), (Integer) rs.getObject("max_age"),
                AgeCategories.Basis.valueOf(rs.getString("age_basis")),
                schemas.of(raceId, rs.getLong("version"), fields), tiers, team,
                "AT_PAYMENT".equals(rs.getString("bib_mode")));
    }
}
