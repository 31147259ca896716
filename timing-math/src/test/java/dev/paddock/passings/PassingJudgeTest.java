package dev.paddock.passings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paddock.passings.Passing.Line;
import dev.paddock.passings.TimingPoint.Kind;
import dev.paddock.passings.Verdict.Reason;
import java.util.List;
import org.junit.jupiter.api.Test;

class PassingJudgeTest {

    static final long GUN = 1_000_000_000L;
    static final long MINUTE = 60_000;
    /** 2:30/km: 5 km in 12:30 at the fastest. */
    static final Course MARATHON = new Course(List.of(new TimingPoint("start", Kind.START, 0),
            new TimingPoint("km5", Kind.SPLIT, 5_000), new TimingPoint("km10", Kind.SPLIT, 10_000),
            new TimingPoint("finish", Kind.FINISH, 42_195)), 150_000, 30_000);

    static Passing read(String id, String point, long minutesAfterGun, Line line) {
        return new Passing(id, "101", point, GUN + minutesAfterGun * MINUTE, line);
    }

    @Test
    void aPlausibleCrossingIsAccepted() {
        Passing km5 = read("1", "km5", 20, Line.MAIN);
        assertThat(PassingJudge.judge(MARATHON, GUN, List.of(), km5)).isEqualTo(new Verdict.Accepted(km5));
    }

    @Test
    void anUnknownPointOrAReadBeforeTheStartIsRejected() {
        assertThat(PassingJudge.judge(MARATHON, GUN, List.of(), read("1", "km7", 30, Line.MAIN)))
                .isInstanceOfSatisfying(Verdict.Rejected.class, r -> assertThat(r.reason()).isEqualTo(Reason.UNKNOWN_POINT));
        Passing early = new Passing("2", "101", "start", GUN - 1, Line.MAIN);
        assertThat(PassingJudge.judge(MARATHON, GUN, List.of(), early))
                .isInstanceOfSatisfying(Verdict.Rejected.class, r -> assertThat(r.reason()).isEqualTo(Reason.BEFORE_START));
    }

    @Test
    void theBackupLinesLaterReadIsADuplicateOfTheMainOne() {
        Passing main = read("m1", "km5", 20, Line.MAIN);
        Passing backup = new Passing("b1", "101", "km5", main.atMillis() + 300, Line.BACKUP);
        assertThat(PassingJudge.judge(MARATHON, GUN, List.of(main), backup)).isEqualTo(new Verdict.Duplicate(backup, main));
    }

    @Test
    void anEarlierReadOfTheSameCrossingReplacesTheOneCounted() {
        Passing main = read("m1", "km5", 20, Line.MAIN);
        Passing backup = new Passing("b1", "101", "km5", main.atMillis() - 400, Line.BACKUP);
        assertThat(PassingJudge.judge(MARATHON, GUN, List.of(main), backup)).isEqualTo(new Verdict.Replaces(backup, main));
    }

    @Test
    void walkingBackOverTheFinishMatDoesNotChangeTheFinish() {
        Passing finish = read("f1", "finish", 190, Line.MAIN);
        Passing again = read("f2", "finish", 205, Line.MAIN);
        assertThat(PassingJudge.judge(MARATHON, GUN, List.of(finish), again)).isEqualTo(new Verdict.Duplicate(again, finish));
    }

    @Test
    void aCrossingFasterThanTheCourseAllowsIsRejectedWithTheReason() {
        Passing km5 = read("1", "km5", 20, Line.MAIN);
        Passing km10TooSoon = read("2", "km10", 32, Line.MAIN);
        Verdict verdict = PassingJudge.judge(MARATHON, GUN, List.of(km5), km10TooSoon);
        assertThat(verdict).isInstanceOfSatisfying(Verdict.Rejected.class, r -> {
            assertThat(r.reason()).isEqualTo(Reason.IMPLAUSIBLE);
            assertThat(r.detail()).contains("5000 m in 720.0 s since km5");
        });
        assertThat(PassingJudge.judge(MARATHON, GUN, List.of(km5), read("3", "km10", 33, Line.MAIN)))
                .isInstanceOf(Verdict.Accepted.class);
    }

    @Test
    void aShortcutFromTheStartSignalIsCaughtWithoutAnySplit() {
        assertThat(PassingJudge.judge(MARATHON, GUN, List.of(), read("1", "finish", 90, Line.MAIN)))
                .isInstanceOfSatisfying(Verdict.Rejected.class, r -> assertThat(r.detail()).contains("since the start signal"));
    }

    @Test
    void aLateArrivingSplitMustFitBeforeTheNextPointAlreadyCounted() {
        Passing km10 = read("2", "km10", 40, Line.MAIN);
        assertThat(PassingJudge.judge(MARATHON, GUN, List.of(km10), read("1", "km5", 35, Line.MAIN)))
                .isInstanceOfSatisfying(Verdict.Rejected.class, r -> assertThat(r.detail()).contains("until km10"));
        assertThat(PassingJudge.judge(MARATHON, GUN, List.of(km10), read("1", "km5", 20, Line.MAIN)))
                .isInstanceOf(Verdict.Accepted.class);
    }

    static final Course TRACK = new Course(List.of(new TimingPoint("lap", Kind.LAP, 400)), 150_000, 20_000);

    @Test
    void lapsAreSeparateCrossingsOfOneLineAndEachMustBePossible() {
        Passing first = new Passing("1", "7", "lap", GUN + 70_000, Line.MAIN);
        Passing second = new Passing("2", "7", "lap", GUN + 140_000, Line.MAIN);
        assertThat(PassingJudge.judge(TRACK, GUN, List.of(first), second)).isInstanceOf(Verdict.Accepted.class);
        Passing echo = new Passing("3", "7", "lap", GUN + 70_500, Line.BACKUP);
        assertThat(PassingJudge.judge(TRACK, GUN, List.of(first, second), echo)).isEqualTo(new Verdict.Duplicate(echo, first));
        Passing tooFast = new Passing("4", "7", "lap", GUN + 170_000, Line.MAIN);
        assertThat(PassingJudge.judge(TRACK, GUN, List.of(first, second), tooFast))
                .isInstanceOfSatisfying(Verdict.Rejected.class, r -> assertThat(r.detail()).contains("for a lap"));
    }
}
