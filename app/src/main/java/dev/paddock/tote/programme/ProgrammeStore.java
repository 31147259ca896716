package dev.paddock.tote.programme;

import dev.paddock.parimutuel.BetType;
import dev.paddock.parimutuel.ChannelFamily;
import dev.paddock.shared.Money;
import dev.paddock.tote.MeetingCard;
import dev.paddock.tote.PoolCard;
import dev.paddock.tote.RaceCard;
import dev.paddock.tote.RaceStatus;
import dev.paddock.tote.RunnerCard;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The programme in PostgreSQL (schema {@code tote}, see V1__programme.sql). Reads build whole cards in
 * three queries (races, runners, pools) whatever the number of races. Writes expect the caller's
 * transaction; status changes are conditional updates, so two nodes (or an operator and the automatic
 * stop signal) can never both move a race.
 */
@Repository
class ProgrammeStore {

    private static final Comparator<Loaded.Pool> POOL_ORDER = Comparator
            .comparing((Loaded.Pool p) -> p.card().betType().multiRace())
            .thenComparing(p -> p.card().betType())
            .thenComparing(p -> p.card().family());

    private final JdbcClient jdbc;

    ProgrammeStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ---- meetings

    void insertMeeting(UUID id, LocalDate date, int number, String venue, String country, Instant now) {
        jdbc.sql("""
                        insert into tote.meetings (id, date, number, venue, country, created_at)
                        values (:id, :date, :number, :venue, :country, :now)""")
                .param("id", id).param("date", date).param("number", number).param("venue", venue)
                .param("country", country).param("now", Timestamp.from(now)).update();
    }

    boolean meetingNumberTaken(LocalDate date, int number) {
        return jdbc.sql("select count(*) from tote.meetings where date = :date and number = :number")
                .param("date", date).param("number", number).query(Long.class).single() > 0;
    }

    /** False when the version is stale or the meeting unknown. */
    boolean updateMeeting(UUID id, long version, String venue, String country) {
        return jdbc.sql("""
                        update tote.meetings set venue = :venue, country = :country, version = version + 1
                        where id = :id and version = :version""")
                .param("id", id).param("version", version).param("venue", venue).param("country", country)
                .update() == 1;
    }

    boolean anyMeetingOn(LocalDate date) {
        return jdbc.sql("select exists (select 1 from tote.meetings where date = :date)").param("date", date)
                .query(Boolean.class).single();
    }

    Optional<Loaded.Meeting> meeting(UUID id) {
        return meetings("where m.id = :key", id).stream().findFirst();
    }

    List<Loaded.Meeting> day(LocalDate date) {
        return meetings("where m.date = :key", date);
    }

    private List<Loaded.Meeting> meetings(String where, Object key) {
        record Row(UUID id, LocalDate date, int number, String venue, String country, long version) {
        }
        List<Row> rows = jdbc.sql("select m.id, m.date, m.number, m.venue, m.country, m.version from tote.meetings m "
                        + where + " order by m.date, m.number")
                .param("key", key)
                .query((rs, n) -> new Row(rs.getObject("id", UUID.class), rs.getObject("date", LocalDate.class),
                        rs.getInt("number"), rs.getString("venue"), rs.getString("country"), rs.getLong("version")))
                .list();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<Loaded.Race>> races = races("r.meeting_id in (:keys)", rows.stream().map(Row::id).toList())
                .stream().collect(Collectors.groupingBy(r -> r.card().meetingId(), LinkedHashMap::new, Collectors.toList()));
        return rows.stream().map(row -> {
            List<Loaded.Race> own = races.getOrDefault(row.id(), List.of());
            return new Loaded.Meeting(new MeetingCard(row.id(), row.date(), row.number(), row.venue(),
                    own.stream().map(Loaded.Race::card).toList()), row.country(), row.version(), own);
        }).toList();
    }

    // ---- races and runners

    void insertRace(UUID id, UUID meetingId, int number, String name, Instant startsAt, Instant now) {
        jdbc.sql("""
                        insert into tote.races (id, meeting_id, number, name, starts_at, status, status_changed_at, created_at)
                        values (:id, :meeting, :number, :name, :startsAt, 'SCHEDULED', :now, :now)""")
                .param("id", id).param("meeting", meetingId).param("number", number).param("name", name)
                .param("startsAt", Timestamp.from(startsAt)).param("now", Timestamp.from(now)).update();
    }

    boolean raceNumberTaken(UUID meetingId, int number) {
        return jdbc.sql("select count(*) from tote.races where meeting_id = :meeting and number = :number")
                .param("meeting", meetingId).param("number", number).query(Long.class).single() > 0;
    }

    void insertRunners(UUID raceId, List<RunnerCard> runners) {
        for (RunnerCard runner : runners) {
            jdbc.sql("insert into tote.runners (race_id, number, name, non_runner) values (:race, :number, :name, :np)")
                    .param("race", raceId).param("number", runner.number()).param("name", runner.name())
                    .param("np", runner.nonRunner()).update();
        }
    }

    void deleteRunners(UUID raceId) {
        jdbc.sql("delete from tote.runners where race_id = :race").param("race", raceId).update();
    }

    /** Name and start of a SCHEDULED race, under optimistic locking; false when stale or no longer SCHEDULED. */
    boolean updateRace(UUID id, long version, String name, Instant startsAt) {
        return jdbc.sql("""
                        update tote.races set name = :name, starts_at = :startsAt, version = version + 1
                        where id = :id and version = :version and status = 'SCHEDULED'""")
                .param("id", id).param("version", version).param("name", name)
                .param("startsAt", Timestamp.from(startsAt)).update() == 1;
    }

    /** Moves the start of a race that has not had its stop signal; {@code version} null skips the check. */
    boolean moveStart(UUID id, Long version, Instant startsAt) {
        return jdbc.sql("""
                        update tote.races set starts_at = :startsAt, version = version + 1
                        where id = :id and status in ('SCHEDULED', 'OPEN') and (cast(:version as bigint) is null or version = :version)""")
                .param("id", id).param("version", version).param("startsAt", Timestamp.from(startsAt)).update() == 1;
    }

    /**
     * Marks a runner non-runner. The race row is updated too (version), so the change takes the race's row
     * lock: it waits for bet batches holding the race "for share" and they, in turn, see it.
     */
    boolean declareNonRunner(UUID raceId, int runner) {
        int changed = jdbc.sql("""
                        update tote.runners set non_runner = true
                        where race_id = :race and number = :runner and not non_runner""")
                .param("race", raceId).param("runner", runner).update();
        if (changed == 1) {
            jdbc.sql("update tote.races set version = version + 1 where id = :race").param("race", raceId).update();
        }
        return changed == 1;
    }

    /** The one way a race changes status: only from the given status, so a concurrent change wins once. */
    boolean changeStatus(UUID id, RaceStatus from, RaceStatus to, Instant now) {
        return jdbc.sql("""
                        update tote.races set status = :to, status_changed_at = :now, version = version + 1
                        where id = :id and status = :from""")
                .param("id", id).param("from", from.name()).param("to", to.name()).param("now", Timestamp.from(now))
                .update() == 1;
    }

    /**
     * The automatic stop signal: closes every OPEN race whose start time has come, in race id order (the
     * lock order bet batches use too, so the two never deadlock). Returns the closed races.
     */
    List<UUID> closeDue(Instant now) {
        return jdbc.sql("""
                        with due as (
                            select id from tote.races where status = 'OPEN' and starts_at <= :now order by id for update)
                        update tote.races r set status = 'CLOSED', status_changed_at = :now, version = r.version + 1
                        from due where r.id = due.id and r.status = 'OPEN'
                        returning r.id""")
                .param("now", Timestamp.from(now)).query(UUID.class).list();
    }

    /** Opens every SCHEDULED race starting within {@code until} but not yet started. */
    List<UUID> openDue(Instant now, Instant until) {
        return jdbc.sql("""
                        with due as (
                            select id from tote.races where status = 'SCHEDULED' and starts_at > :now and starts_at <= :until
                            order by id for update)
                        update tote.races r set status = 'OPEN', status_changed_at = :now, version = r.version + 1
                        from due where r.id = due.id and r.status = 'SCHEDULED'
                        returning r.id""")
                .param("now", Timestamp.from(now)).param("until", Timestamp.from(until)).query(UUID.class).list();
    }

    Optional<Loaded.Race> race(UUID id) {
        return races("r.id in (:keys)", List.of(id)).stream().findFirst();
    }

    Optional<RaceStatus> status(UUID id) {
        return jdbc.sql("select status from tote.races where id = :id").param("id", id)
                .query((rs, n) -> RaceStatus.valueOf(rs.getString(1))).optional();
    }

    /** Races of the given ids that exist, with their statuses. */
    Map<UUID, RaceStatus> statuses(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<UUID, RaceStatus> found = new LinkedHashMap<>();
        jdbc.sql("select id, status from tote.races where id in (:ids)").param("ids", List.copyOf(ids))
                .query(rs -> {
                    found.put(rs.getObject(1, UUID.class), RaceStatus.valueOf(rs.getString(2)));
                });
        return found;
    }

    private List<Loaded.Race> races(String where, List<?> keys) {
        record Row(UUID id, UUID meetingId, int meetingNumber, int number, String name, Instant startsAt,
                RaceStatus status, long version) {
        }
        List<Row> rows = jdbc.sql("""
                        select r.id, r.meeting_id, m.number as meeting_number, r.number, r.name, r.starts_at, r.status, r.version
                        from tote.races r join tote.meetings m on m.id = r.meeting_id
                        where\s""" + where + " order by m.number, r.number")
                .param("keys", keys)
                .query((rs, n) -> new Row(rs.getObject("id", UUID.class), rs.getObject("meeting_id", UUID.class),
                        rs.getInt("meeting_number"), rs.getInt("number"), rs.getString("name"), instant(rs, "starts_at"),
                        RaceStatus.valueOf(rs.getString("status")), rs.getLong("version")))
                .list();
        if (rows.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = rows.stream().map(Row::id).toList();
        Map<UUID, List<RunnerCard>> runners = new LinkedHashMap<>();
        jdbc.sql("select race_id, number, name, non_runner from tote.runners where race_id in (:ids) order by race_id, number")
                .param("ids", ids)
                .query(rs -> {
                    runners.computeIfAbsent(rs.getObject("race_id", UUID.class), k -> new ArrayList<>())
                            .add(new RunnerCard(rs.getInt("number"), rs.getString("name"), rs.getBoolean("non_runner")));
                });
        Map<UUID, List<Loaded.Pool>> pools = new LinkedHashMap<>();
        for (Loaded.Pool pool : pools("""
                p.race_id in (:ids) or p.id in (select l.pool_id from tote.big5_legs l where l.race_id in (:ids))""", ids)) {
            for (UUID race : pool.card().raceIds()) {
                if (ids.contains(race)) {
                    pools.computeIfAbsent(race, k -> new ArrayList<>()).add(pool);
                }
            }
        }
        return rows.stream().map(row -> {
            List<Loaded.Pool> own = pools.getOrDefault(row.id(), List.of()).stream().sorted(POOL_ORDER).toList();
            RaceCard card = new RaceCard(row.id(), row.meetingId(), "R" + row.meetingNumber() + "C" + row.number(),
                    row.name(), row.startsAt(), row.status(), runners.getOrDefault(row.id(), List.of()),
                    own.stream().map(Loaded.Pool::card).toList());
            return new Loaded.Race(card, row.meetingNumber(), row.version(), own);
        }).toList();
    }

    // ---- pools

    void insertPool(UUID id, UUID raceId, BetType betType, ChannelFamily family, PoolTerms terms, String status,
            Instant now) {
        jdbc.sql("""
                        insert into tote.pools (id, race_id, bet_type, channel_family, takeout_bp, min_stake_cents,
                            unit_stake_cents, max_stake_cents, flexi, status, created_at)
                        values (:id, :race, :betType, :family, :takeout, :min, :unit, :max, :flexi, :status, :now)""")
                .param("id", id).param("race", raceId).param("betType", betType.name()).param("family", family.name())
                .param("takeout", terms.takeoutBasisPoints()).param("min", terms.minStake().cents())
                .param("unit", terms.unitStake().cents()).param("max", terms.maxStake().cents())
                .param("flexi", terms.flexi()).param("status", status).param("now", Timestamp.from(now)).update();
    }

    void insertLeg(UUID poolId, int leg, UUID raceId) {
        jdbc.sql("insert into tote.big5_legs (pool_id, leg, race_id) values (:pool, :leg, :race)")
                .param("pool", poolId).param("leg", leg).param("race", raceId).update();
    }

    void deletePool(UUID poolId) {
        jdbc.sql("delete from tote.pools where id = :id").param("id", poolId).update();
    }

    /** New terms for a pool that does not take bets yet; false when stale or no longer SCHEDULED. */
    boolean updatePool(UUID id, long version, PoolTerms terms) {
        return jdbc.sql("""
                        update tote.pools set takeout_bp = :takeout, min_stake_cents = :min, unit_stake_cents = :unit,
                            max_stake_cents = :max, flexi = :flexi, version = version + 1
                        where id = :id and version = :version and status = 'SCHEDULED'""")
                .param("id", id).param("version", version).param("takeout", terms.takeoutBasisPoints())
                .param("min", terms.minStake().cents()).param("unit", terms.unitStake().cents())
                .param("max", terms.maxStake().cents()).param("flexi", terms.flexi()).update() == 1;
    }

    /**
     * Pools follow their race in the transaction of its status change. A Big 5 opens with the first of its
     * legs to open and closes at the first stop signal among its legs (PMU closes a multi-race bet at the
     * start of its first race); it is cancelled only when all its legs are (a cancelled leg counts as won).
     */
    void poolsFollow(UUID raceId, RaceStatus status) {
        switch (status) {
            case OPEN -> {
                setPools("race_id = :race and status = 'SCHEDULED'", raceId, "OPEN");
                setPools("status = 'SCHEDULED' and " + BIG5_OF_RACE, raceId, "OPEN");
            }
            case CLOSED -> {
                setPools("race_id = :race and status = 'OPEN'", raceId, "CLOSED");
                setPools("status in ('SCHEDULED', 'OPEN') and " + BIG5_OF_RACE, raceId, "CLOSED");
            }
            case CANCELLED -> {
                setPools("race_id = :race and status <> 'CANCELLED'", raceId, "CANCELLED");
                setPools("status <> 'CANCELLED' and " + BIG5_OF_RACE + """
                         and not exists (select 1 from tote.big5_legs l join tote.races r on r.id = l.race_id
                                         where l.pool_id = tote.pools.id and r.status <> 'CANCELLED')""",
                        raceId, "CANCELLED");
            }
            default -> {
                // results and settlement do not change whether a pool takes bets: it is closed already
            }
        }
    }

    private static final String BIG5_OF_RACE =
            "id in (select l.pool_id from tote.big5_legs l where l.race_id = :race)";

    private void setPools(String where, UUID raceId, String status) {
        jdbc.sql("update tote.pools set status = :status, version = version + 1 where " + where)
                .param("race", raceId).param("status", status).update();
    }

    Optional<Loaded.Pool> pool(UUID id) {
        return pools("p.id in (:ids)", List.of(id)).stream().findFirst();
    }

    private List<Loaded.Pool> pools(String where, List<UUID> ids) {
        return jdbc.sql("""
                        select p.id, p.race_id, p.bet_type, p.channel_family, p.takeout_bp, p.min_stake_cents,
                            p.unit_stake_cents, p.max_stake_cents, p.flexi, p.status, p.version,
                            (select array_agg(l.race_id order by l.leg) from tote.big5_legs l where l.pool_id = p.id) as legs
                        from tote.pools p where\s""" + where)
                .param("ids", ids)
                .query((rs, n) -> pool(rs)).list();
    }

    private static Loaded.Pool pool(ResultSet rs) throws SQLException {
        UUID race = rs.getObject("race_id", UUID.class);
        List<UUID> races = race != null ? List.of(race) : legs(rs.getArray("legs"));
        PoolCard card = new PoolCard(rs.getObject("id", UUID.class), BetType.valueOf(rs.getString("bet_type")),
                ChannelFamily.valueOf(rs.getString("channel_family")), rs.getInt("takeout_bp"),
                Money.ofCents(rs.getLong("min_stake_cents")), Money.ofCents(rs.getLong("unit_stake_cents")),
                Money.ofCents(rs.getLong("max_stake_cents")), rs.getBoolean("flexi"), races);
        return new Loaded.Pool(card, rs.getString("status"), rs.getLong("version"));
    }

    private static List<UUID> legs(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        return Arrays.stream((Object[]) array.getArray()).map(o -> (UUID) o).toList();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }
}
