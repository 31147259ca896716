package dev.paddock.passings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paddock.passings.Passing.Line;
import dev.paddock.passings.TimingPoint.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

class SplitsTest {

    static final long GUN = 1_000_000_000L;

    @Test
    void netTimeRunsFromTheAthletesOwnStartRead() {
        List<Passing> counted = List.of(new Passing("s", "9", "start", GUN + 95_000, Line.MAIN),
                new Passing("k", "9", "km5", GUN + 1_295_000, Line.MAIN),
                new Passing("f", "9", "finish", GUN + 10_000_000, Line.BACKUP));
        Splits splits = Splits.of(PassingJudgeTest.MARATHON, GUN, counted);
        assertThat(splits.gun()).containsEntry("km5", 1_295_000L).containsEntry("finish", 10_000_000L).doesNotContainKey("start");
        assertThat(splits.net()).containsEntry("km5", 1_200_000L).containsEntry("finish", 9_905_000L);
        assertThat(splits.laps()).isZero();
    }

    @Test
    void withoutAStartReadNetTimeIsGunTime() {
        Splits splits = Splits.of(PassingJudgeTest.MARATHON, GUN,
                List.of(new Passing("f", "9", "finish", GUN + 10_000_000, Line.MAIN)));
        assertThat(splits.net()).isEqualTo(splits.gun());
    }

    @Test
    void aLapRaceFinishesOnItsLastLap() {
        List<Passing> laps = List.of(new Passing("1", "7", "lap", GUN + 70_000, Line.MAIN),
                new Passing("3", "7", "lap", GUN + 215_000, Line.MAIN),
                new Passing("2", "7", "lap", GUN + 142_000, Line.MAIN));
        Splits splits = Splits.of(new Course(List.of(new TimingPoint("lap", Kind.LAP, 400)), 150_000, 20_000), GUN, laps);
        assertThat(splits.laps()).isEqualTo(3);
        assertThat(splits.gun()).containsEntry("lap1", 70_000L).containsEntry("lap2", 142_000L)
                .containsEntry("finish", 215_000L);
    }
}
