package dev.paddock.timing.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paddock.shared.ProblemException;
import dev.paddock.timing.TimingFixtures;
import dev.paddock.timing.course.Courses;
import dev.paddock.timing.course.RaceTiming;
import dev.paddock.passings.TimingPoint;
import dev.paddock.rankings.Clock;
import dev.paddock.rankings.RaceTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The intake's writer: several callers' passings in one transaction, each caller answered with its own verdicts
 * after the commit; a read sent twice in one batch or in two counts once and answers its first verdict; rejected
 * reads keep their reason; a request that fails (a race without timing) fails alone and its neighbours are written.
 */
@SpringBootTest
@ActiveProfiles("test")
class PassingWriterIT {

    static final Instant GUN = Instant.parse("2027-05-02T07:00:00Z");

    @Autowired
    PassingWriter writer;

    @Autowired
    Courses courses;

    @Autowired
    JdbcClient jdbc;

    UUID race;

    @BeforeEach
    void race() {
        race = TimingFixtures.race(jdbc, "Writer 10K", 10_000, GUN);
        TimingFixtures.starter(jdbc, race, 1, "Anna", "Muster", "F", "1990-02-01", Map.of());
        TimingFixtures.starter(jdbc, race, 2, "Beat", "Brändli", "M", "1985-07-12", Map.of());
        courses.save(new RaceTiming(race, Clock.GUN, 150_000, 30_000, null, false, RaceTime.Precision.SECONDS,
                List.of(new TimingPoint("start", TimingPoint.Kind.START, 0),
                        new TimingPoint("km5", TimingPoint.Kind.SPLIT, 5000),
                        new TimingPoint("finish", TimingPoint.Kind.FINISH, 10000)), List.of(), null, null, 0));
        courses.start(race, null, GUN);
    }

    @Test
    void aBatchAnswersEachCallerWithItsOwnVerdictsAndCountsARepeatedReadOnce() throws Exception {
        var first = submission(race, read("m1", 1, "km5", 18 * 60, "MAIN"), read("m2", 2, "km5", 17 * 60, "MAIN"));
        var again = submission(race, read("m1", 1, "km5", 18 * 60, "MAIN"));
        var backup = submission(race, read("b1", 1, "km5", 18 * 60 + 1, "BACKUP"));
        var rejected = submission(race, read("m3", 2, "finish", 17 * 60 + 30, "MAIN"), read("m9", 99, "finish", 40 * 60, "MAIN"));
        writer.write(List.of(first, again, backup, rejected));

        assertThat(first.answer().get()).extracting(PassingOutcome::verdict).containsExactly("COUNTED", "COUNTED");
        assertThat(again.answer().get().getFirst().verdict()).isEqualTo("COUNTED");
        assertThat(again.answer().get().getFirst().replay()).isTrue();
        assertThat(backup.answer().get().getFirst().verdict()).isEqualTo("DUPLICATE");
        assertThat(rejected.answer().get()).extracting(PassingOutcome::verdict).containsExactly("REJECTED", "UNKNOWN_BIB");
        assertThat(rejected.answer().get().getFirst().reason()).isEqualTo("IMPLAUSIBLE");
        assertThat(rows()).as("one row per read, the repeated one once").isEqualTo(5);

        var later = submission(race, read("m1", 1, "km5", 18 * 60, "MAIN"));
        writer.write(List.of(later));
        assertThat(later.answer().get().getFirst().replay()).isTrue();
        assertThat(rows()).isEqualTo(5);
    }

    @Test
    void aFailingRequestFailsAloneAndItsNeighboursAreWritten() throws Exception {
        var good = submission(race, read("g1", 1, "finish", 40 * 60, "MAIN"));
        var noTiming = submission(UUID.randomUUID(), read("x1", 1, "finish", 40 * 60, "MAIN"));
        writer.write(List.of(good, noTiming));

        assertThat(good.answer().get().getFirst().verdict()).isEqualTo("COUNTED");
        assertThatThrownBy(() -> noTiming.answer().get()).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(ProblemException.class).hasMessageContaining("no timing");
        assertThat(rows()).isEqualTo(1);
    }

    @Test
    void aCallerIsAnsweredOnlyOnceItsPassingIsCommitted() throws Exception {
        List<PassingOutcome> outcomes = writer.submit(race, List.of(read("c1", 2, "finish", 41 * 60, "MAIN"))).get();
        assertThat(outcomes.getFirst().verdict()).isEqualTo("COUNTED");
        assertThat(rows()).as("visible to another connection when answered").isEqualTo(1);
    }

    private int rows() {
        return jdbc.sql("select count(*) from timing.passings where race_id = ?").params(race).query(Integer.class)
                .single();
    }

    private static PassingWriter.Submission submission(UUID raceId, PassingRequest... reads) {
        return new PassingWriter.Submission(raceId, List.of(reads), new CompletableFuture<>());
    }

    private static PassingRequest read(String id, int bib, String point, int seconds, String line) {
        return new PassingRequest(id, bib, point, GUN.plusSeconds(seconds), PassingRequest.Line.valueOf(line));
    }
}
