package dev.paddock.events.registration;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.paddock.events.fields.AnswerSchemas;
import dev.paddock.events.fields.FieldDefinition;
import dev.paddock.events.rules.AgeCategories;
import dev.paddock.events.rules.RegistrationWindow;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Races' terms from a short-lived cache: during an opening rush the race row and its tiers are read once
 * per {@code terms-ttl}, not once per request; the compiled answer schema survives reloads as long as the
 * race's version does not change ({@link AnswerSchemas}). Terms are never served older than {@code terms-ttl};
 * asked for after half of it, they are read again in the background while the request goes on with them, so that
 * a race's requests do not all wait for its reload every {@code terms-ttl} in a rush (only a race not asked for
 * in the second half of its terms' life is read while its request waits).
 */
@Component
class RaceTermsCache {

    private static final TypeReference<List<FieldDefinition>> FIELDS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final AnswerSchemas schemas;
    private final LoadingCache<UUID, Optional<RaceTerms>> byId;
    private final LoadingCache<RaceCode, Optional<UUID>> bySlugAndCode;

    @Autowired
    RaceTermsCache(JdbcClient jdbc, JsonMapper json, AnswerSchemas schemas, RegistrationProperties properties) {
        this(jdbc, json, schemas, properties, Ticker.systemTicker());
    }

    RaceTermsCache(JdbcClient jdbc, JsonMapper json, AnswerSchemas schemas, RegistrationProperties properties,
            Ticker ticker) {
        this.jdbc = jdbc;
        this.json = json;
        this.schemas = schemas;
        this.byId = cache(properties.termsTtl(), ticker).build(this::load);
        this.bySlugAndCode = cache(properties.termsTtl(), ticker).build(this::raceId);
    }

    /** Expiring after {@code ttl}, refreshed in the background when asked for after half of it. */
    private static Caffeine<Object, Object> cache(Duration ttl, Ticker ticker) {
        Caffeine<Object, Object> cache = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(10_000).ticker(ticker);
        Duration refresh = ttl.dividedBy(2);
        return refresh.isZero() ? cache : cache.refreshAfterWrite(refresh)
                .executor(reload -> Thread.ofVirtual().name("race-terms-reload").start(reload));
    }

    Optional<RaceTerms> race(UUID raceId) {
        return byId.get(raceId);
    }

    Optional<RaceTerms> race(String eventSlug, String raceCode) {
        return bySlugAndCode.get(new RaceCode(eventSlug, raceCode)).flatMap(this::race);
    }

    private record RaceCode(String eventSlug, String raceCode) {
    }

    private Optional<UUID> raceId(RaceCode code) {
        return jdbc.sql("""
                        select r.id from events.races r join events.events e on e.id = r.event_id
                        where e.slug = :slug and r.code = :code""")
                .param("slug", code.eventSlug()).param("code", code.raceCode()).query(UUID.class).optional();
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
