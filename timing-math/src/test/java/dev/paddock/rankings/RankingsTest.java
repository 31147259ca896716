package dev.paddock.rankings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paddock.rankings.RankingSpec.Filter;
import dev.paddock.rankings.RankingSpec.Grouping;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RankingsTest {

    static Entrant runner(String id, String gender, String category, long gun, long net) {
        return Entrant.finisher(id, gender, category, gun, net);
    }

    static Entrant withStatus(String id, Status status, long net) {
        return new Entrant(id, id, "M", "M40", null, Map.of(), status, 0, 0, Map.of(Entrant.FINISH, net),
                Map.of(Entrant.FINISH, net));
    }

    static List<String> order(Ranking ranking, String group) {
        return ranking.group(group).stream().map(p -> p.entrantId() + "@" + p.place() + (p.tied() ? "=" : "")).toList();
    }

    @Test
    void sharedTiesTakeTheSamePlaceAndSkipTheNext() {
        List<Entrant> entrants = List.of(runner("a", "M", "M40", 100, 100), runner("b", "M", "M40", 200, 200),
                runner("c", "M", "M40", 200, 200), runner("d", "M", "M40", 300, 300));
        Ranking ranking = Rankings.rank(RankingSpec.of("overall", Grouping.OVERALL, Clock.NET, TiePolicy.SHARED), entrants);
        assertThat(order(ranking, "")).containsExactly("a@1", "b@2=", "c@2=", "d@4");
        assertThat(ranking.of("d").orElseThrow().behind()).isEqualTo(200);
    }

    @Test
    void finishOrderTiesFollowWhoCrossedFirst() {
        List<Entrant> entrants = List.of(
                new Entrant("late", "7", "F", null, null, Map.of(), Status.FINISHED, 0, 12,
                        Map.of(Entrant.FINISH, 500L), Map.of(Entrant.FINISH, 500L)),
                new Entrant("early", "9", "F", null, null, Map.of(), Status.FINISHED, 0, 11,
                        Map.of(Entrant.FINISH, 500L), Map.of(Entrant.FINISH, 500L)));
        Ranking ranking = Rankings.rank(RankingSpec.of("overall", Grouping.OVERALL, Clock.NET, TiePolicy.FINISH_ORDER),
                entrants);
        assertThat(order(ranking, "")).containsExactly("early@1=", "late@2=");
    }

    @Test
    void withoutAFinishOrderBibsDecideNumerically() {
        List<Entrant> entrants = List.of(
                new Entrant("x", "10", "F", null, null, Map.of(), Status.FINISHED, 0, 0,
                        Map.of(Entrant.FINISH, 500L), Map.of(Entrant.FINISH, 500L)),
                new Entrant("y", "9", "F", null, null, Map.of(), Status.FINISHED, 0, 0,
                        Map.of(Entrant.FINISH, 500L), Map.of(Entrant.FINISH, 500L)));
        Ranking ranking = Rankings.rank(RankingSpec.of("overall", Grouping.OVERALL, Clock.NET, TiePolicy.FINISH_ORDER),
                entrants);
        assertThat(order(ranking, "")).containsExactly("y@1=", "x@2=");
    }

    @Test
    void gunAndNetTimeRankDifferently() {
        List<Entrant> entrants = List.of(runner("front", "M", null, 1000, 990), runner("back", "M", null, 1100, 900));
        assertThat(order(Rankings.rank(RankingSpec.of("g", Grouping.OVERALL, Clock.GUN, TiePolicy.SHARED), entrants), ""))
                .containsExactly("front@1", "back@2");
        assertThat(order(Rankings.rank(RankingSpec.of("n", Grouping.OVERALL, Clock.NET, TiePolicy.SHARED), entrants), ""))
                .containsExactly("back@1", "front@2");
    }

    @Test
    void onlyFinishersWithoutAStatusAreRankedAtTheFinish() {
        List<Entrant> entrants = new ArrayList<>();
        for (Status status : Status.values()) {
            entrants.add(withStatus(status.name(), status, 100));
        }
        Ranking ranking = Rankings.rank(RankingSpec.of("overall", Grouping.OVERALL, Clock.NET, TiePolicy.SHARED), entrants);
        assertThat(order(ranking, "")).containsExactly("FINISHED@1");
    }

    @Test
    void atASplitEveryoneButNonStartersAndDisqualifiedIsRanked() {
        List<Entrant> entrants = new ArrayList<>();
        long time = 100;
        for (Status status : Status.values()) {
            entrants.add(new Entrant(status.name(), status.name(), "F", null, null, Map.of(), status, 0, 0,
                    Map.of("km10", time), Map.of("km10", time)));
            time += 10;
        }
        RankingSpec atTen = new RankingSpec("km10", Filter.EVERYONE, Grouping.OVERALL, null, Clock.NET, "km10", false,
                TiePolicy.SHARED, 0, List.of());
        assertThat(order(Rankings.rank(atTen, entrants), "")).containsExactly("RUNNING@1", "FINISHED@2", "DNF@3",
                "OVER_TIME_LIMIT@4", "NOT_CLASSIFIED@5");
    }

    @Test
    void lapRacesRankMostLapsFirstThenTime() {
        List<Entrant> entrants = List.of(lapper("twelve-slow", 12, 3_600_000), lapper("eleven-fast", 11, 3_000_000),
                lapper("twelve-fast", 12, 3_500_000));
        RankingSpec laps = new RankingSpec("laps", Filter.EVERYONE, Grouping.OVERALL, null, Clock.GUN, Entrant.FINISH,
                true, TiePolicy.SHARED, 0, List.of());
        Ranking ranking = Rankings.rank(laps, entrants);
        assertThat(order(ranking, "")).containsExactly("twelve-fast@1", "twelve-slow@2", "eleven-fast@3");
        assertThat(ranking.of("twelve-slow").orElseThrow().behind()).isEqualTo(100_000);
        assertThat(ranking.of("eleven-fast").orElseThrow().behind()).isZero();
    }

    static Entrant lapper(String id, int laps, long time) {
        return new Entrant(id, id, "M", null, null, Map.of(), Status.FINISHED, laps, 0,
                Map.of(Entrant.FINISH, time), Map.of(Entrant.FINISH, time));
    }

    @Test
    void groupingsSplitTheFieldAndFiltersNarrowIt() {
        List<Entrant> entrants = List.of(club("a", "F", "W40", "LC Zürich", 300), club("b", "M", "M40", "LC Zürich", 200),
                club("c", "F", "W40", "TV Bern", 100), club("d", "M", "M50", "", 400));
        assertThat(Rankings.rank(RankingSpec.of("g", Grouping.GENDER, Clock.NET, TiePolicy.SHARED), entrants).groups())
                .containsOnlyKeys("F", "M");
        Ranking byClub = Rankings.rank(new RankingSpec("club", Filter.EVERYONE, Grouping.FIELD, "club", Clock.NET,
                null, false, TiePolicy.SHARED, 0, null), entrants);
        assertThat(byClub.groups()).containsOnlyKeys("LC Zürich", "TV Bern");
        assertThat(order(byClub, "LC Zürich")).containsExactly("b@1", "a@2");
        Ranking women40 = Rankings.rank(new RankingSpec("w40", new Filter("F", Set.of("W40"), Map.of()),
                Grouping.OVERALL, null, Clock.NET, null, false, TiePolicy.SHARED, 0, null), entrants);
        assertThat(order(women40, "")).containsExactly("c@1", "a@2");
        Ranking zurich = Rankings.rank(new RankingSpec("zh", new Filter(null, Set.of(), Map.of("club", "LC Zürich")),
                Grouping.CATEGORY, null, Clock.NET, null, false, TiePolicy.SHARED, 0, null), entrants);
        assertThat(zurich.groups()).containsOnlyKeys("M40", "W40");
    }

    static Entrant club(String id, String gender, String category, String club, long time) {
        return new Entrant(id, id, gender, category, null, Map.of("club", club), Status.FINISHED, 0, 0,
                Map.of(Entrant.FINISH, time), Map.of(Entrant.FINISH, time));
    }

    @Test
    void smallCategoriesRunInTheNextOneListed() {
        List<Entrant> entrants = List.of(runner("m75", "M", "M75", 900, 900), runner("m70a", "M", "M70", 800, 800),
                runner("m65a", "M", "M65", 700, 700), runner("m65b", "M", "M65", 950, 950),
                runner("m65c", "M", "M65", 600, 600));
        RankingSpec merged = new RankingSpec("cat", Filter.EVERYONE, Grouping.CATEGORY, null, Clock.NET, null, false,
                TiePolicy.SHARED, 3, List.of("M75", "M70", "M65"));
        Ranking ranking = Rankings.rank(merged, entrants);
        assertThat(ranking.groups()).containsOnlyKeys("M65");
        assertThat(order(ranking, "M65")).containsExactly("m65c@1", "m65a@2", "m70a@3", "m75@4", "m65b@5");
    }

    @Test
    void theSameEntrantsInAnyOrderGiveTheSameRanking() {
        Random random = new Random(42);
        List<Entrant> entrants = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            String gender = random.nextBoolean() ? "F" : "M";
            long net = 7_000_000 + random.nextInt(60) * 1000L;
            entrants.add(new Entrant("e" + i, String.valueOf(i), gender, gender + (20 + random.nextInt(5) * 10), null,
                    Map.of(), Status.FINISHED, 0, random.nextInt(3) == 0 ? 0 : i + 1,
                    Map.of(Entrant.FINISH, net + random.nextInt(300_000)), Map.of(Entrant.FINISH, net)));
        }
        for (Grouping grouping : List.of(Grouping.OVERALL, Grouping.GENDER, Grouping.CATEGORY)) {
            for (TiePolicy ties : TiePolicy.values()) {
                RankingSpec spec = RankingSpec.of("r", grouping, Clock.NET, ties);
                Ranking first = Rankings.rank(spec, entrants);
                List<Entrant> shuffled = new ArrayList<>(entrants);
                Collections.shuffle(shuffled, random);
                assertThat(Rankings.rank(spec, shuffled).groups()).isEqualTo(first.groups());
                assertPlacesAreConsistent(first, ties);
            }
        }
    }

    /** Places count up from 1; a shared place equals one plus the number of strictly faster entrants. */
    static void assertPlacesAreConsistent(Ranking ranking, TiePolicy ties) {
        ranking.groups().values().forEach(placings -> {
            for (int i = 0; i < placings.size(); i++) {
                Placing p = placings.get(i);
                long faster = placings.stream().filter(o -> o.time() < p.time()).count();
                if (ties == TiePolicy.SHARED) {
                    assertThat(p.place()).isEqualTo(faster + 1);
                } else {
                    assertThat(p.place()).isEqualTo(i + 1);
                }
                assertThat(p.tied()).isEqualTo(placings.stream().filter(o -> o.time() == p.time()).count() > 1);
            }
        });
    }
}
