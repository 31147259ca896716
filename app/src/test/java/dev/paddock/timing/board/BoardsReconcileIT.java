package dev.paddock.timing.board;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paddock.rankings.Status;
import dev.paddock.timing.TimingFixtures;
import dev.paddock.timing.course.Courses;
import dev.paddock.timing.course.RaceTiming;
import dev.paddock.passings.TimingPoint;
import dev.paddock.rankings.RaceTime;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Changes committed by another node (rows written here with SQL, so no event tells this node) reach the board
 * at the next reconcile: new passings by re-reading only their athletes, a correction by reloading the board.
 */
@SpringBootTest
@ActiveProfiles("test")
class BoardsReconcileIT {

    static final Instant GUN = Instant.parse("2027-05-09T07:00:00Z");

    @Autowired
    Boards boards;

    @Autowired
    Courses courses;

    @Autowired
    JdbcClient jdbc;

    UUID race;

    @BeforeEach
    void race() {
        race = TimingFixtures.race(jdbc, "Other node 10K", 10_000, GUN);
        TimingFixtures.starter(jdbc, race, 1, "Anna", "Muster", "F", "1990-02-01", Map.of());
        TimingFixtures.starter(jdbc, race, 2, "Beat", "Brändli", "M", "1985-07-12", Map.of());
        courses.save(new RaceTiming(race, dev.paddock.rankings.Clock.GUN, 150_000, 30_000, null, false,
                RaceTime.Precision.SECONDS, List.of(new TimingPoint("start", TimingPoint.Kind.START, 0),
                        new TimingPoint("finish", TimingPoint.Kind.FINISH, 10_000)), List.of(), null, null, 0));
        courses.start(race, null, GUN);
    }

    @Test
    void passingsAndCorrectionsCommittedElsewhereReachTheBoardAtTheNextReconcile() {
        Snapshot first = boards.snapshot(race).orElseThrow();
        assertThat(first.entrants().get(1).status()).isEqualTo(Status.RUNNING);

        jdbc.sql("""
                insert into timing.passings (race_id, line, source_id, bib, point, at, received_at, verdict)
                values (?, 'MAIN', 'elsewhere-1', 1, 'finish', ?, ?, 'COUNTED')""")
                .params(race, Timestamp.from(GUN.plusSeconds(2400)), Timestamp.from(Instant.now())).update();
        boards.tick();
        assertThat(boards.snapshot(race).orElseThrow().entrants().get(1).status()).isEqualTo(Status.RUNNING);
        boards.reconcile();
        boards.tick();
        Snapshot caughtUp = boards.snapshot(race).orElseThrow();
        assertThat(caughtUp.entrants().get(1).status()).isEqualTo(Status.FINISHED);
        assertThat(caughtUp.rankings().get(Snapshot.OVERALL).group("")).hasSize(1);

        jdbc.sql("insert into timing.statuses (race_id, bib, status) values (?, 2, 'DSQ')").params(race).update();
        jdbc.sql("""
                insert into timing.corrections (race_id, bib, kind, details, by_account, reason, at)
                values (?, 2, 'STATUS_SET', '{}', ?, 'Cut the course', ?)""")
                .params(race, UUID.randomUUID(), Timestamp.from(Instant.now())).update();
        boards.reconcile();
        boards.tick();
        assertThat(boards.snapshot(race).orElseThrow().entrants().get(2).status()).isEqualTo(Status.DSQ);
        assertThat(boards.snapshot(race).orElseThrow().version()).isGreaterThan(caughtUp.version());
    }
}
