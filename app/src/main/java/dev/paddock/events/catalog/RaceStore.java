package dev.paddock.events.catalog;

import dev.paddock.events.fields.FieldDefinition;
import dev.paddock.events.rules.AgeCategories;
import dev.paddock.events.rules.AgeCategory;
import dev.paddock.events.rules.RegistrationWindow;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Races and their price tiers. Setting edits are conditional on the version read. */
@Repository("catalogRaceStore")
class RaceStore {

    private static final TypeReference<List<FieldDefinition>> FIELDS = new TypeReference<>() {
    };
    private static final TypeReference<List<AgeCategory>> CATEGORIES = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    RaceStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A new race with no places yet: the caller sizes it with {@code Places.resize}. */
    void insert(UUID id, UUID eventId, RaceSettings s, List<FieldDefinition> fields, Instant now) {
        jdbc.sql("""
                insert into events.races (id, event_id, code, name, distance_m, elevation_gain_m, starts_at, capacity,
                    mode, registration_opens_at, registration_closes_at, min_age, max_age, fields, team_min_size,
                    team_max_size, team_substitutes, team_gender_rule, bib_mode, waitlist_offer_hours, categories,
                    age_basis, created_at)
                values (:id, :event, :code, :name, :distance, :elevation, :startsAt, 0, :mode, :opensAt, :closesAt,
                    :minAge, :maxAge, cast(:fields as jsonb), :teamMin, :teamMax, :subs, :genderRule, :bibMode,
                    :offerHours, cast(:categories as jsonb), :ageBasis, :now)""")
                .param("id", id).param("event", eventId).param("code", s.code()).params(columns(s))
                .param("fields", json.writeValueAsString(fields)).param("now", Timestamp.from(now)).update();
    }

    boolean update(UUID id, long version, RaceSettings s) {
        return jdbc.sql("""
                update events.races set name = :name, distance_m = :distance, elevation_gain_m = :elevation,
                    starts_at = :startsAt, mode = :mode, registration_opens_at = :opensAt,
                    registration_closes_at = :closesAt, min_age = :minAge, max_age = :maxAge, team_min_size = :teamMin,
                    team_max_size = :teamMax, team_substitutes = :subs, team_gender_rule = :genderRule,
                    bib_mode = :bibMode, waitlist_offer_hours = :offerHours, categories = cast(:categories as jsonb),
                    age_basis = :ageBasis, version = version + 1
                where id = :id and version = :version""")
                .param("id", id).param("version", version).params(columns(s)).update() == 1;
    }

    void setFields(UUID id, List<FieldDefinition> fields) {
        jdbc.sql("update events.races set fields = cast(:fields as jsonb), version = version + 1 where id = :id")
                .param("id", id).param("fields", json.writeValueAsString(fields)).update();
    }

    /** Replaces the tiers; the caller bumps the race's version when it is an edit. */
    void setPriceTiers(UUID id, List<PriceTier> tiers) {
        jdbc.sql("delete from events.price_tiers where race_id = :id").param("id", id).update();
        for (PriceTier tier : tiers) {
            jdbc.sql("""
                    insert into events.price_tiers (id, race_id, name, starts_at, ends_at, price_cents)
                    values (:tier, :race, :name, :startsAt, :endsAt, :price)""")
                    .param("tier", UUID.randomUUID()).param("race", id).param("name", tier.name())
                    .param("startsAt", Timestamp.from(tier.startsAt())).param("endsAt", Timestamp.from(tier.endsAt()))
                    .param("price", tier.priceCents()).update();
        }
    }

    void setRegistration(UUID id, RegistrationWindow.Stored registration) {
        jdbc.sql("update events.races set registration = :registration, version = version + 1 where id = :id")
                .param("id", id).param("registration", registration.name()).update();
    }

    void touch(UUID id) {
        jdbc.sql("update events.races set version = version + 1 where id = :id").param("id", id).update();
    }

    Optional<StoredRace> byId(UUID id) {
        return jdbc.sql("select * from events.races where id = :id").param("id", id).query(this::row).optional()
                .map(race -> withTiers(List.of(race)).getFirst());
    }

    /** The event's races in start order, with their tiers: two statements whatever the number of races. */
    List<StoredRace> ofEvent(UUID eventId) {
        return withTiers(jdbc.sql("select * from events.races where event_id = :event order by starts_at, code")
                .param("event", eventId).query(this::row).list());
    }

    /** Free places per race, from one {@code count(*)} grouped by race. */
    Map<UUID, Integer> freePlaces(List<UUID> raceIds) {
        Map<UUID, Integer> free = new HashMap<>();
        raceIds.forEach(id -> free.put(id, 0));
        if (raceIds.isEmpty()) {
            return free;
        }
        jdbc.sql("""
                select race_id, count(*) as free from events.places
                where race_id = any(:ids) and registration_id is null group by race_id""")
                .param("ids", raceIds.toArray(UUID[]::new))
                .query((rs, n) -> free.put(rs.getObject("race_id", UUID.class), rs.getInt("free"))).list();
        return free;
    }

    private List<StoredRace> withTiers(List<StoredRace> races) {
        if (races.isEmpty()) {
            return races;
        }
        Map<UUID, List<PriceTier>> tiers = new HashMap<>();
        jdbc.sql("select * from events.price_tiers where race_id = any(:ids) order by starts_at")
                .param("ids", races.stream().map(StoredRace::id).toArray(UUID[]::new))
                .query((rs, n) -> tiers.computeIfAbsent(rs.getObject("race_id", UUID.class), k -> new ArrayList<>())
                        .add(new PriceTier(rs.getString("name"), rs.getTimestamp("starts_at").toInstant(),
                                rs.getTimestamp("ends_at").toInstant(), rs.getLong("price_cents")))).list();
        return races.stream().map(r -> new StoredRace(r.id(), r.eventId(), r.settings(), r.capacity(), r.registration(),
                r.fields(), List.copyOf(tiers.getOrDefault(r.id(), List.of())), r.version())).toList();
    }

    private Map<String, Object> columns(RaceSettings s) {
        Map<String, Object> c = new HashMap<>();
        c.put("name", s.name());
        c.put("distance", s.distanceM());
        c.put("elevation", s.elevationGainM());
        c.put("startsAt", Timestamp.from(s.startsAt()));
        c.put("mode", s.mode().name());
        c.put("opensAt", Timestamp.from(s.registrationOpensAt()));
        c.put("closesAt", Timestamp.from(s.registrationClosesAt()));
        c.put("minAge", s.minAge());
        c.put("maxAge", s.maxAge());
        c.put("teamMin", s.team() == null ? null : s.team().minSize());
        c.put("teamMax", s.team() == null ? null : s.team().maxSize());
        c.put("subs", s.team() == null ? 0 : s.team().substitutes());
        c.put("genderRule", s.team() == null ? "ANY" : s.team().genderRule().name());
        c.put("bibMode", s.bibMode().name());
        c.put("offerHours", s.waitlistOfferHours());
        c.put("categories", json.writeValueAsString(s.categories()));
        c.put("ageBasis", s.ageBasis().name());
        return c;
    }

    private StoredRace row(ResultSet rs, int n) throws SQLException {
        Integer teamMin = (Integer) rs.getObject("team_min_size");
        Team team = teamMin == null ? null : new Team(teamMin, rs.getInt("team_max_size"), rs.getInt("team_substitutes"),
                Team.GenderRule.valueOf(rs.getString("team_gender_rule")));
        RaceSettings settings = new RaceSettings(rs.getString("code"), rs.getString("name"), rs.getInt("distance_m"),
                rs.getInt("elevation_gain_m"), rs.getTimestamp("starts_at").toInstant(),
                RaceSettings.Mode.valueOf(rs.getString("mode")), rs.getTimestamp("registration_opens_at").toInstant(),
                rs.getTimestamp("registration_closes_at").toInstant(), (Integer) rs.getObject("min_age"),
                (Integer) rs.getObject("max_age"), team, RaceSettings.BibMode.valueOf(rs.getString("bib_mode")),
                rs.getInt("waitlist_offer_hours"), json.readValue(rs.getString("categories"), CATEGORIES),
                AgeCategories.Basis.valueOf(rs.getString("age_basis")));
        return new StoredRace(rs.getObject("id", UUID.class), rs.getObject("event_id", UUID.class), settings,
                rs.getInt("capacity"), RegistrationWindow.Stored.valueOf(rs.getString("registration")),
                json.readValue(rs.getString("fields"), FIELDS), List.of(), rs.getLong("version"));
    }
}
