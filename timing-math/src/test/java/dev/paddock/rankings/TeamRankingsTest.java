package dev.paddock.rankings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paddock.rankings.TeamSpec.Scoring;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TeamRankingsTest {

    static Entrant member(String id, String team, Status status, long time) {
        return new Entrant(id, id, "M", null, team, Map.of(), status, 0, 0, Map.of(Entrant.FINISH, time),
                Map.of(Entrant.FINISH, time));
    }

    static List<String> order(List<TeamPlacing> placings) {
        return placings.stream().map(p -> p.teamId() + "@" + p.place() + (p.tied() ? "=" : "") + ":" + p.time()).toList();
    }

    @Test
    void bestOfCountsTheFastestMembersAndNeedsEnoughFinishers() {
        List<Entrant> entrants = List.of(member("a1", "A", Status.FINISHED, 100), member("a2", "A", Status.FINISHED, 300),
                member("a3", "A", Status.FINISHED, 200), member("a4", "A", Status.FINISHED, 900),
                member("b1", "B", Status.FINISHED, 150), member("b2", "B", Status.FINISHED, 160),
                member("b3", "B", Status.DNF, 10), member("c1", "C", Status.FINISHED, 50),
                member("c2", "C", Status.FINISHED, 60), member("c3", "C", Status.FINISHED, 70));
        List<TeamPlacing> ranking = TeamRankings.rank(new TeamSpec("club", Scoring.BEST_OF, 3, Clock.NET,
                TiePolicy.SHARED), entrants, Map.of());
        assertThat(order(ranking)).containsExactly("C@1:180", "A@2:600");
        assertThat(ranking.get(1).counted()).containsExactly("a1", "a3", "a2");
    }

    @Test
    void aPatrolIsRankedOnItsLastMemberAndOnlyIfAllFinish() {
        List<Entrant> entrants = List.of(member("p1", "P", Status.FINISHED, 1000), member("p2", "P", Status.FINISHED, 1004),
                member("p3", "P", Status.FINISHED, 1002), member("q1", "Q", Status.FINISHED, 900),
                member("q2", "Q", Status.FINISHED, 905), member("q3", "Q", Status.DNF, 0));
        List<TeamPlacing> ranking = TeamRankings.rank(new TeamSpec("patrols", Scoring.ALL_TOGETHER, 0, Clock.GUN,
                TiePolicy.SHARED), entrants, Map.of("P", 3, "Q", 3));
        assertThat(order(ranking)).containsExactly("P@1:1004");
    }

    @Test
    void aRelayIsTheSumOfItsLegsAndAMissingLegLeavesItUnranked() {
        List<Entrant> entrants = List.of(member("r1", "R", Status.FINISHED, 100), member("r2", "R", Status.FINISHED, 200),
                member("s1", "S", Status.FINISHED, 150), member("s2", "S", Status.FINISHED, 150),
                member("t1", "T", Status.FINISHED, 50), member("u1", "U", Status.FINISHED, 120),
                member("u2", "U", Status.FINISHED, 180));
        List<TeamPlacing> ranking = TeamRankings.rank(new TeamSpec("relay", Scoring.LEGS, 0, Clock.GUN, TiePolicy.SHARED),
                entrants, Map.of("R", 2, "S", 2, "T", 2, "U", 2));
        assertThat(order(ranking)).containsExactly("R@1=:300", "S@1=:300", "U@1=:300");
        List<TeamPlacing> byFinish = TeamRankings.rank(new TeamSpec("relay", Scoring.LEGS, 0, Clock.GUN,
                TiePolicy.FINISH_ORDER), entrants, Map.of("R", 2, "S", 2, "T", 2, "U", 2));
        assertThat(order(byFinish)).containsExactly("R@1=:300", "S@2=:300", "U@3=:300");
    }
}
