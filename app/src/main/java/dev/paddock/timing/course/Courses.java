package dev.paddock.timing.course;

import dev.paddock.passings.Segment;
import dev.paddock.passings.TimingPoint;
import dev.paddock.rankings.Clock;
import dev.paddock.rankings.RaceTime;
import dev.paddock.shared.ProblemException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The {@code timing.races}, {@code points} and {@code waves} tables: set up a race's timing, fire starts. */
@Component
public class Courses {

    private static final TypeReference<List<RaceRanking>> RANKINGS = new TypeReference<>() {
    };
    private static final TypeReference<List<Segment>> SEGMENTS = new TypeReference<>() {
    };
    private static final TypeReference<List<String>> HANDOVERS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final JsonMapper json;

    Courses(JdbcClient jdbc, ApplicationEventPublisher events, JsonMapper json) {
        this.jdbc = jdbc;
        this.events = events;
        this.json = json;
    }

    public Optional<RaceTiming> find(UUID raceId) {
        return jdbc.sql("select * from timing.races where race_id = :race").param("race", raceId)
                .query((rs, n) -> timing(rs, raceId)).optional();
    }

    /** Replaces the race's setup; points and waves are replaced whole. Returns the new version. */
    @Transactional
    public long save(RaceTiming setup) {
        int updated = jdbc.sql("""
                update timing.races set official_clock = :clock, fastest_per_km_ms = :fastest, same_read_ms = :same,
                    time_limit_ms = :limit, lap_race = :lap, precision = :precision, team_scoring = :teams,
                    team_counting = :counting, rankings = cast(:rankings as jsonb),
                    segments = cast(:segments as jsonb), relay_handovers = cast(:handovers as jsonb), version = version + 1
                where race_id = :race""")
                .params(params(setup)).update();
        if (updated == 0) {
            jdbc.sql("""
                    insert into timing.races (race_id, official_clock, fastest_per_km_ms, same_read_ms, time_limit_ms,
                        lap_race, precision, team_scoring, team_counting, rankings, segments, relay_handovers)
                    values (:race, :clock, :fastest, :same, :limit, :lap, :precision, :teams, :counting,
                        cast(:rankings as jsonb), cast(:segments as jsonb), cast(:handovers as jsonb))""")
                    .params(params(setup)).update();
        }
        jdbc.sql("delete from timing.points where race_id = :race").param("race", setup.raceId()).update();
        for (int i = 0; i < setup.points().size(); i++) {
            TimingPoint point = setup.points().get(i);
            jdbc.sql("insert into timing.points (race_id, position, code, kind, distance_m) values (?, ?, ?, ?, ?)")
                    .params(setup.raceId(), i, point.code(), point.kind().name(), point.distanceMetres()).update();
        }
        jdbc.sql("delete from timing.waves where race_id = :race").param("race", setup.raceId()).update();
        for (RaceTiming.Wave wave : setup.waves()) {
            jdbc.sql("insert into timing.waves (race_id, code, first_bib, last_bib, started_at) values (?, ?, ?, ?, ?)")
                    .params(setup.raceId(), wave.code(), wave.firstBib(), wave.lastBib(),
                            wave.startedAt() == null ? null : Timestamp.from(wave.startedAt()))
                    .update();
        }
        long version = jdbc.sql("select version from timing.races where race_id = :race").param("race", setup.raceId())
                .query(Long.class).single();
        events.publishEvent(new TimingChanged(setup.raceId()));
        return version;
    }

    /** Fires a start signal: the race's (wave null) or one wave's. A signal already fired is not moved. */
    @Transactional
    public Instant start(UUID raceId, String wave, Instant at) {
        int updated = wave == null
                ? jdbc.sql("update timing.races set started_at = :at where race_id = :race and started_at is null")
                        .param("at", Timestamp.from(at)).param("race", raceId).update()
                : jdbc.sql("update timing.waves set started_at = :at where race_id = :race and code = :wave and started_at is null")
                        .param("at", Timestamp.from(at)).param("race", raceId).param("wave", wave).update();
        RaceTiming timing = find(raceId).orElseThrow(() -> ProblemException.of(HttpStatus.NOT_FOUND, "not-found",
                "This race has no timing set up"));
        Instant fired = wave == null ? timing.startedAt() : timing.waves().stream().filter(w -> w.code().equals(wave))
                .findFirst().orElseThrow(() -> ProblemException.field("wave", "unknown", "No wave " + wave)).startedAt();
        if (updated > 0) {
            events.publishEvent(new TimingChanged(raceId));
        }
        return fired;
    }

    private java.util.Map<String, Object> params(RaceTiming setup) {
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        params.put("race", setup.raceId());
        params.put("clock", setup.officialClock().name());
        params.put("fastest", setup.fastestPerKm());
        params.put("same", setup.sameReadWithin());
        params.put("limit", setup.timeLimit());
        params.put("lap", setup.lapRace());
        params.put("precision", setup.precision().name());
        params.put("teams", setup.teams() == null ? null : setup.teams().scoring().name());
        params.put("counting", setup.teams() == null ? null : setup.teams().counting());
        params.put("rankings", setup.rankings() == null ? null : json.writeValueAsString(setup.rankings()));
        params.put("segments", json.writeValueAsString(setup.segments()));
        params.put("handovers", json.writeValueAsString(setup.handovers()));
        return params;
    }

    private RaceTiming timing(ResultSet rs, UUID raceId) throws SQLException {
        List<TimingPoint> points = jdbc.sql("select code, kind, distance_m from timing.points where race_id = ? order by position")
                .params(raceId).query((p, n) -> new TimingPoint(p.getString("code"),
                        TimingPoint.Kind.valueOf(p.getString("kind")), p.getInt("distance_m"))).list();
        List<RaceTiming.Wave> waves = jdbc.sql("select * from timing.waves where race_id = ? order by first_bib")
                .params(raceId).query((w, n) -> new RaceTiming.Wave(w.getString("code"), w.getInt("first_bib"),
                        w.getInt("last_bib"), instant(w.getTimestamp("started_at")))).list();
        Long limit = rs.getObject("time_limit_ms", Long.class);
        return new RaceTiming(raceId, Clock.valueOf(rs.getString("official_clock")), rs.getLong("fastest_per_km_ms"),
                rs.getLong("same_read_ms"), limit, rs.getBoolean("lap_race"),
                RaceTime.Precision.valueOf(rs.getString("precision")), points, waves,
                instant(rs.getTimestamp("started_at")), teams(rs), rs.getLong("version"),
                rs.getString("rankings") == null ? null : json.readValue(rs.getString("rankings"), RANKINGS),
                json.readValue(rs.getString("segments"), SEGMENTS), json.readValue(rs.getString("relay_handovers"), HANDOVERS));
    }

    private static RaceTiming.TeamScoring teams(ResultSet rs) throws SQLException {
        String scoring = rs.getString("team_scoring");
        return scoring == null ? null : new RaceTiming.TeamScoring(dev.paddock.rankings.TeamSpec.Scoring.valueOf(scoring),
                rs.getObject("team_counting", Integer.class));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
