package dev.paddock.timing.board;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paddock.events.StartlistRace;
import dev.paddock.events.Starter;
import dev.paddock.passings.Passing;
import dev.paddock.passings.Segment;
import dev.paddock.passings.TimingPoint;
import dev.paddock.passings.TimingPoint.Kind;
import dev.paddock.rankings.Clock;
import dev.paddock.rankings.Leg;
import dev.paddock.rankings.RaceTime;
import dev.paddock.rankings.RankingSpec.Grouping;
import dev.paddock.rankings.TeamSpec;
import dev.paddock.timing.course.RaceRanking;
import dev.paddock.timing.course.RaceTiming;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RaceBoardTest {

    static final Instant GUN = Instant.parse("2027-06-06T07:00:00Z");
    static final StartlistRace RACE = new StartlistRace(UUID.randomUUID(), UUID.randomUUID(), "e", "Event", "r", "Race",
            10_000, GUN, "Europe/Zurich");
    static final List<TimingPoint> POINTS = List.of(new TimingPoint("start", Kind.START, 0),
            new TimingPoint("h1", Kind.SPLIT, 5000), new TimingPoint("finish", Kind.FINISH, 10_000));

    static Starter starter(int bib, UUID team) {
        return new Starter(UUID.randomUUID(), null, bib, "First" + bib, "Last", "F", LocalDate.of(1990, 1, 1), "CH", "W30",
                team, team == null ? null : "Team", Map.of("club", "LC " + bib % 2));
    }

    static RaceTiming timing(List<RaceRanking> rankings, List<Segment> segments, RaceTiming.TeamScoring teams,
            List<String> handovers) {
        return new RaceTiming(RACE.raceId(), Clock.GUN, 150_000, 30_000, null, false, RaceTime.Precision.SECONDS, POINTS,
                List.of(), GUN, teams, 1, rankings, segments, handovers);
    }

    static Map<Integer, List<Passing>> reads(Object... bibPointSeconds) {
        Map<Integer, List<Passing>> reads = new HashMap<>();
        for (int i = 0; i < bibPointSeconds.length; i += 3) {
            int bib = (Integer) bibPointSeconds[i];
            reads.computeIfAbsent(bib, b -> new java.util.ArrayList<>()).add(new Passing("r" + i, String.valueOf(bib),
                    (String) bibPointSeconds[i + 1], GUN.toEpochMilli() + (Integer) bibPointSeconds[i + 2] * 1000L,
                    Passing.Line.MAIN));
        }
        return reads;
    }

    @Test
    void theBoardComputesExactlyTheConfiguredRankingsAndEachSegment() {
        RaceTiming timing = timing(List.of(new RaceRanking("club", null, null, Grouping.FIELD, "club", null, null, null,
                null, null, null), new RaceRanking("second-half", null, null, Grouping.OVERALL, null, null, null, "back",
                null, null, null)), List.of(new Segment("front", "start", "h1", Segment.Kind.DISCIPLINE),
                new Segment("back", "h1", "finish", Segment.Kind.DISCIPLINE)), null, List.of());
        Snapshot snapshot = RaceBoard.compute(RACE, timing, List.of(starter(1, null), starter(2, null)),
                reads(1, "h1", 1500, 1, "finish", 3100, 2, "h1", 1400, 2, "finish", 3200), Map.of(), 1, GUN, 0);
        assertThat(snapshot.rankings().keySet()).containsExactlyInAnyOrder("club", "second-half", "segment:front",
                "segment:back");
        assertThat(snapshot.listed()).extracting(RaceRanking::code).containsExactly("club", "second-half");
        assertThat(snapshot.rankings().get("second-half").group("")).extracting(p -> p.time() / 1000)
                .containsExactly(1600L, 1800L);
        assertThat(snapshot.rankings().get("club").groups().keySet()).containsExactly("LC 0", "LC 1");
        assertThat(snapshot.finishers()).isEqualTo(2);
    }

    @Test
    void aRelayTeamRunsItsLegsInBibOrderWhateverOrderTheStartListGives() {
        UUID team = UUID.randomUUID();
        RaceTiming timing = timing(null, List.of(), new RaceTiming.TeamScoring(TeamSpec.Scoring.LEGS, null), List.of("h1"));
        Snapshot snapshot = RaceBoard.compute(RACE, timing, List.of(starter(12, team), starter(11, team)),
                reads(11, "h1", 1500, 12, "finish", 3300), Map.of(), 1, GUN, 0);
        assertThat(snapshot.teams()).hasSize(1);
        assertThat(snapshot.teams().getFirst().time()).isEqualTo(3_300_000L);
        assertThat(snapshot.teams().getFirst().legs()).extracting(Leg::time).containsExactly(1_500_000L, 1_800_000L);
        assertThat(snapshot.teams().getFirst().legs().getFirst().entrantId())
                .isEqualTo(snapshot.starters().get(11).registrationId().toString());
    }
}
