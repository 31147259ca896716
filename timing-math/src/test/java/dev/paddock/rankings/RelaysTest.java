package dev.paddock.rankings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paddock.rankings.TeamSpec.Scoring;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A 4-leg relay with handover mats h1, h2, h3 and the finish; times in seconds from the team's start signal. */
class RelaysTest {

    static final List<String> ENDS = List.of("h1", "h2", "h3", Entrant.FINISH);

    /** Runner {@code n} of team {@code team}, read at their leg's end after {@code end} seconds (null: not read). */
    static Entrant runner(String team, int n, Status status, Integer end) {
        Map<String, Long> times = new HashMap<>();
        if (end != null) {
            times.put(ENDS.get(n - 1), end * 1000L);
        }
        return new Entrant(team + n, team + n, "X", null, team, Map.of(), status, 0, 0, times, times);
    }

    static List<Entrant> team(String team, Object... statusesAndEnds) {
        List<Entrant> members = new ArrayList<>();
        for (int i = 0; i < statusesAndEnds.length; i += 2) {
            members.add(runner(team, i / 2 + 1, (Status) statusesAndEnds[i], (Integer) statusesAndEnds[i + 1]));
        }
        return members;
    }

    static List<Long> seconds(Integer... values) {
        return Stream.of(values).map(v -> v == null ? null : v * 1000L).toList();
    }

    static Stream<Arguments> relays() {
        Status ok = Status.RUNNING;
        return Stream.of(
                Arguments.of("every handover read", team("A", ok, 600, ok, 1300, ok, 1900, Status.FINISHED, 2500),
                        Status.FINISHED, 2_500_000L, seconds(600, 700, 600, 600)),
                Arguments.of("a missed handover read: two legs unknown, the team's time known",
                        team("A", ok, 600, ok, null, ok, 1900, Status.FINISHED, 2500),
                        Status.FINISHED, 2_500_000L, seconds(600, null, null, 600)),
                Arguments.of("leg 3 run before leg 2 (reads out of leg order): not classified, for review",
                        team("A", ok, 600, ok, 1950, ok, 1900, Status.FINISHED, 2500),
                        Status.NOT_CLASSIFIED, null, seconds(600, 1350, null, 600)),
                Arguments.of("a DNF on leg 2", team("A", ok, 600, Status.DNF, null, ok, null, ok, null),
                        Status.DNF, null, seconds(600, null, null, null)),
                Arguments.of("a runner who did not start is the team's DNF", team("A", ok, 600, ok, 1300, Status.DNS, null,
                        ok, null), Status.DNF, null, seconds(600, 700, null, null)),
                Arguments.of("a disqualified runner", team("A", ok, 600, ok, 1300, ok, 1900, Status.DSQ, 2500),
                        Status.DSQ, null, seconds(600, 700, 600, 600)),
                Arguments.of("still on leg 3", team("A", ok, 600, ok, 1300, ok, null, ok, null),
                        Status.RUNNING, null, seconds(600, 700, null, null)),
                Arguments.of("a team of three for four legs never finishes", team("A", ok, 600, ok, 1300, ok, 1900),
                        Status.RUNNING, null, seconds(600, 700, 600, null)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("relays")
    void legsRunFromHandoverToHandover(String relay, List<Entrant> members, Status status, Long time, List<Long> legs) {
        Relays.Relay computed = Relays.relay("A", members, ENDS, Clock.GUN);
        assertThat(computed.status()).isEqualTo(status);
        assertThat(computed.time()).isEqualTo(time);
        assertThat(computed.legs()).extracting(Leg::time).containsExactlyElementsOf(legs);
        assertThat(computed.legs()).extracting(Leg::leg).containsExactly(1, 2, 3, 4);
    }

    @Test
    void onNetTimeTheTeamStartsWhenItsFirstRunnerCrossesTheStartMat() {
        List<Entrant> members = new ArrayList<>(team("A", Status.RUNNING, 600, Status.RUNNING, 1300, Status.RUNNING, 1900,
                Status.FINISHED, 2500));
        members.set(0, new Entrant("A1", "A1", "X", null, "A", Map.of(), Status.RUNNING, 0, 0, Map.of("h1", 600_000L),
                Map.of("h1", 580_000L)));
        Relays.Relay net = Relays.relay("A", members, ENDS, Clock.NET);
        assertThat(net.time()).isEqualTo(2_480_000L);
        assertThat(net.legs()).extracting(Leg::time).containsExactlyElementsOf(seconds(580, 700, 600, 600));
    }

    @Test
    void finishedTeamsAreRankedAndEveryLegIsPlacedAgainstTheSameLegOfTheOthers() {
        Status ok = Status.RUNNING;
        Map<String, List<Entrant>> teams = new LinkedHashMap<>();
        teams.put("A", team("A", ok, 600, ok, 1300, ok, 1900, Status.FINISHED, 2500));
        teams.put("B", team("B", ok, 500, ok, 1200, ok, 1900, Status.FINISHED, 2400));
        teams.put("C", team("C", ok, 700, ok, 1400, ok, 2000, Status.FINISHED, 2500));
        teams.put("D", team("D", ok, 550, ok, null, ok, null, ok, null));
        teams.put("E", team("E", ok, 400, ok, 1000, ok, 1500, Status.DSQ, 2000));
        List<TeamPlacing> shared = Relays.rank(new TeamSpec("relay", Scoring.LEGS, 0, Clock.GUN, TiePolicy.SHARED),
                teams, ENDS);
        assertThat(shared).extracting(p -> p.teamId() + "@" + p.place() + (p.tied() ? "=" : "") + ":" + p.time() / 1000)
                .containsExactly("B@1:2400", "A@2=:2500", "C@2=:2500");
        assertThat(shared.get(1).counted()).containsExactly("A1", "A2", "A3", "A4");
        // Leg 1: B 500, D 550 (still running, but its leg is done), A 600, C 700; E is disqualified.
        assertThat(shared).extracting(p -> p.legs().getFirst().place()).containsExactly(1, 3, 4);
        // Leg 2: A, B and C all ran 700 s and share first place.
        assertThat(shared).extracting(p -> p.legs().get(1).place() + (p.legs().get(1).tied() ? "=" : ""))
                .containsExactly("1=", "1=", "1=");
        List<TeamPlacing> byOrder = Relays.rank(new TeamSpec("relay", Scoring.LEGS, 0, Clock.GUN, TiePolicy.FINISH_ORDER),
                teams, ENDS);
        assertThat(byOrder).extracting(p -> p.teamId() + "@" + p.place()).containsExactly("B@1", "A@2", "C@3");
        assertThat(byOrder).extracting(p -> p.legs().get(1).place()).containsExactly(2, 1, 3);
    }
}
