package dev.paddock.events.places;

import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A race's places ({@code events.places}): the one way registrations take and give back capacity. Every
 * method runs in the caller's transaction (required), so a place is taken exactly when the registration
 * that holds it commits. Claims skip rows other transactions hold, so concurrent buyers do not queue on one
 * row, and a race can never hold more registrations than it has rows.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
public class Places {

    private final JdbcClient jdbc;

    Places(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Gives each registration one free place of the race, all or none: returns false (and takes nothing)
     * when fewer places are free than registrations given. A registration that already holds a place of
     * the race keeps it and is not counted again.
     */
    public boolean claim(UUID raceId, List<UUID> registrationIds) {
        List<UUID> wanting = registrationIds.stream().distinct()
                .filter(id -> heldBy(raceId, id) == null).toList();
        if (wanting.isEmpty()) {
            return true;
        }
        List<Integer> free = jdbc.sql("""
                select number from events.places
                where race_id = :race and registration_id is null
                order by number limit :n for update skip locked""")
                .param("race", raceId).param("n", wanting.size()).query(Integer.class).list();
        if (free.size() < wanting.size()) {
            return false;
        }
        for (int i = 0; i < wanting.size(); i++) {
            jdbc.sql("update events.places set registration_id = :reg where race_id = :race and number = :n")
                    .param("reg", wanting.get(i)).param("race", raceId).param("n", free.get(i)).update();
        }
        return true;
    }

    /** Gives back the place a registration holds; false if it held none. */
    public boolean release(UUID registrationId) {
        return jdbc.sql("update events.places set registration_id = null where registration_id = :reg")
                .param("reg", registrationId).update() > 0;
    }

    /**
     * Moves a registration's place to another race (a transfer): false, with nothing changed, when the
     * other race has no free place. A registration holds at most one place, so the old one is given back.
     */
    public boolean move(UUID registrationId, UUID toRaceId) {
        if (heldBy(toRaceId, registrationId) != null) {
            return true;
        }
        Integer free = jdbc.sql("""
                select number from events.places
                where race_id = :race and registration_id is null
                order by number limit 1 for update skip locked""")
                .param("race", toRaceId).query(Integer.class).optional().orElse(null);
        if (free == null) {
            return false;
        }
        release(registrationId);
        jdbc.sql("update events.places set registration_id = :reg where race_id = :race and number = :n")
                .param("reg", registrationId).param("race", toRaceId).param("n", free).update();
        return true;
    }

    /** Places not held by anyone now (committed view plus this transaction's own claims). */
    public int free(UUID raceId) {
        return jdbc.sql("select count(*) from events.places where race_id = :race and registration_id is null")
                .param("race", raceId).query(Integer.class).single();
    }

    /**
     * Sets the race's number of places: adds rows up to {@code capacity}, or deletes free rows from the
     * top. Returns the capacity in effect, which stays above {@code capacity} when more places than that
     * are held (a capacity is never lowered under its holders). Locks the race row, so two resizes of one
     * race do not interleave.
     */
    public int resize(UUID raceId, int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("A capacity is not negative");
        }
        jdbc.sql("select id from events.races where id = :race for update").param("race", raceId).query().listOfRows();
        int rows = jdbc.sql("select count(*) from events.places where race_id = :race")
                .param("race", raceId).query(Integer.class).single();
        if (capacity > rows) {
            jdbc.sql("""
                    insert into events.places (race_id, number)
                    select :race, n from generate_series(
                        coalesce((select max(number) from events.places where race_id = :race), 0) + 1,
                        coalesce((select max(number) from events.places where race_id = :race), 0) + :add) n""")
                    .param("race", raceId).param("add", capacity - rows).update();
        } else if (capacity < rows) {
            jdbc.sql("""
                    delete from events.places where (race_id, number) in (
                        select race_id, number from events.places
                        where race_id = :race and registration_id is null
                        order by number desc limit :drop for update skip locked)""")
                    .param("race", raceId).param("drop", rows - capacity).update();
        }
        int now = jdbc.sql("select count(*) from events.places where race_id = :race")
                .param("race", raceId).query(Integer.class).single();
        jdbc.sql("update events.races set capacity = :now where id = :race").param("now", now).param("race", raceId)
                .update();
        return now;
    }

    private UUID heldBy(UUID raceId, UUID registrationId) {
        return jdbc.sql("select registration_id from events.places where race_id = :race and registration_id = :reg")
                .param("race", raceId).param("reg", registrationId).query(UUID.class).optional().orElse(null);
    }
}
