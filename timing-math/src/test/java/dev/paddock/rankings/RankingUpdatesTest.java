package dev.paddock.rankings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paddock.rankings.RankingSpec.Filter;
import dev.paddock.rankings.RankingSpec.Grouping;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Law: a ranking updated with changed entrants equals the ranking of everyone as they now are, for every kind of
 * ranking (each grouping, both clocks, at the finish and at a split, laps first, both tie policies, filtered, with
 * category merging), over random fields with many ties, statuses, newcomers, leavers and athletes changing group.
 */
class RankingUpdatesTest {

    static final List<String> GENDERS = List.of("F", "M", "X");
    static final List<String> CATEGORIES = List.of("M40", "M45", "W40", "W45", "M70", "M75");
    static final List<String> CLUBS = List.of("LC Zürich", "TV Bern", "");
    static final Status[] STATUSES = Status.values();

    static Stream<Arguments> specs() {
        List<RankingSpec> specs = new ArrayList<>();
        for (Clock clock : Clock.values()) {
            for (TiePolicy ties : TiePolicy.values()) {
                for (String point : List.of(Entrant.FINISH, "km5")) {
                    for (Grouping grouping : Grouping.values()) {
                        specs.add(new RankingSpec(grouping.name().toLowerCase(), Filter.EVERYONE, grouping,
                                grouping == Grouping.FIELD ? "club" : null, clock, point, false, ties, 0, List.of()));
                    }
                }
            }
        }
        specs.add(new RankingSpec("laps", Filter.EVERYONE, Grouping.OVERALL, null, Clock.GUN, Entrant.FINISH, true,
                TiePolicy.SHARED, 0, List.of()));
        specs.add(new RankingSpec("women", new Filter("F", Set.of(), Map.of()), Grouping.CATEGORY, null, Clock.NET,
                Entrant.FINISH, false, TiePolicy.SHARED, 0, List.of()));
        specs.add(new RankingSpec("club", new Filter(null, Set.of("M40", "M45"), Map.of("club", "TV Bern")),
                Grouping.GENDER, null, Clock.GUN, "km5", false, TiePolicy.FINISH_ORDER, 0, List.of()));
        specs.add(new RankingSpec("merged", Filter.EVERYONE, Grouping.CATEGORY, null, Clock.GUN, Entrant.FINISH,
                false, TiePolicy.SHARED, 4, List.of("M75", "M70", "M45", "M40")));
        List<Arguments> cases = new ArrayList<>();
        for (RankingSpec spec : specs) {
            for (long seed = 1; seed <= 12; seed++) {
                cases.add(Arguments.of(spec, seed));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest
    @MethodSource("specs")
    void anUpdatedRankingEqualsRankingEveryoneAgain(RankingSpec spec, long seed) {
        Random random = new Random(seed);
        Map<String, Entrant> entrants = new LinkedHashMap<>();
        for (int n = 0; n < 30 + random.nextInt(40); n++) {
            Entrant entrant = entrant(random, "e" + n, bib(random, n));
            entrants.put(entrant.id(), entrant);
        }
        Ranking ranking = Rankings.rank(spec, List.copyOf(entrants.values()));
        int next = 1000;
        for (int round = 0; round < 25; round++) {
            Map<String, Entrant> now = new LinkedHashMap<>(entrants);
            Set<String> touched = new java.util.HashSet<>();
            for (int c = 0; c < 1 + random.nextInt(6); c++) {
                List<String> ids = new ArrayList<>(now.keySet());
                int what = random.nextInt(10);
                if (what == 0 || ids.isEmpty()) {
                    Entrant arriving = entrant(random, "e" + next, bib(random, next++));
                    now.put(arriving.id(), arriving);
                    touched.add(arriving.id());
                } else {
                    String id = ids.get(random.nextInt(ids.size()));
                    if (what == 1) {
                        now.remove(id);
                    } else {
                        now.put(id, changed(random, now.get(id)));
                    }
                    touched.add(id);
                }
            }
            Map<String, Entrant> was = entrants;
            List<Rankings.Change> changes = touched.stream()
                    .map(id -> new Rankings.Change(was.get(id), now.get(id))).toList();
            Ranking updated = Rankings.update(ranking, spec, now, changes);
            Ranking whole = Rankings.rank(spec, List.copyOf(now.values()));
            assertThat(updated).as("round %d", round).isEqualTo(whole);
            assertThat(updated.groups().keySet()).containsExactlyElementsOf(whole.groups().keySet());
            java.util.Set<String> told = new java.util.HashSet<>();
            updated.changedSince(ranking, told::add);
            for (String id : now.keySet()) {
                if (!java.util.Objects.equals(ranking.byEntrant().get(id), updated.byEntrant().get(id))) {
                    assertThat(told).as("round %d: a placing that differs is told", round).contains(id);
                }
            }
            ranking = updated;
            entrants = now;
        }
    }

    @ParameterizedTest
    @MethodSource("specs")
    void changesThatMoveNobodyKeepTheRankingItself(RankingSpec spec, long seed) {
        Random random = new Random(seed);
        Map<String, Entrant> entrants = new HashMap<>();
        for (int n = 0; n < 20; n++) {
            Entrant entrant = entrant(random, "e" + n, bib(random, n));
            entrants.put(entrant.id(), entrant);
        }
        Ranking ranking = Rankings.rank(spec, List.copyOf(entrants.values()));
        Entrant before = entrants.get("e3");
        // a time at a point no ranking here uses
        Map<String, Long> gun = new HashMap<>(before.gunTimes());
        gun.put("km2", 300L);
        Entrant after = new Entrant(before.id(), before.bib(), before.gender(), before.category(), before.teamId(),
                before.fields(), before.status(), before.laps(), before.finishSequence(), gun, before.netTimes());
        entrants.put("e3", after);
        assertThat(Rankings.update(ranking, spec, entrants, List.of(new Rankings.Change(before, after))))
                .isSameAs(ranking);
    }

    private static String bib(Random random, int n) {
        return random.nextInt(8) == 0 ? "A" + n : String.valueOf(n + 1);
    }

    private static Entrant entrant(Random random, String id, String bib) {
        return new Entrant(id, bib, GENDERS.get(random.nextInt(3)),
                random.nextInt(8) == 0 ? null : CATEGORIES.get(random.nextInt(CATEGORIES.size())), null,
                Map.of("club", CLUBS.get(random.nextInt(CLUBS.size()))), status(random), random.nextInt(3),
                random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(50), times(random), times(random));
    }

    private static Entrant changed(Random random, Entrant e) {
        return switch (random.nextInt(5)) {
            case 0 -> new Entrant(e.id(), e.bib(), e.gender(), e.category(), e.teamId(), e.fields(), status(random),
                    e.laps(), e.finishSequence(), e.gunTimes(), e.netTimes());
            case 1 -> new Entrant(e.id(), e.bib(), GENDERS.get(random.nextInt(3)),
                    CATEGORIES.get(random.nextInt(CATEGORIES.size())), e.teamId(),
                    Map.of("club", CLUBS.get(random.nextInt(CLUBS.size()))), e.status(), e.laps(), e.finishSequence(),
                    e.gunTimes(), e.netTimes());
            case 2 -> new Entrant(e.id(), e.bib(), e.gender(), e.category(), e.teamId(), e.fields(), e.status(),
                    e.laps() + 1, e.finishSequence(), times(random), e.netTimes());
            default -> new Entrant(e.id(), e.bib(), e.gender(), e.category(), e.teamId(), e.fields(),
                    random.nextBoolean() ? Status.FINISHED : e.status(), e.laps(), 1 + random.nextInt(50),
                    times(random), times(random));
        };
    }

    private static Status status(Random random) {
        return random.nextInt(3) > 0 ? Status.FINISHED : STATUSES[random.nextInt(STATUSES.length)];
    }

    /** Few distinct values, so ties are common; each point present or not. */
    private static Map<String, Long> times(Random random) {
        Map<String, Long> times = new HashMap<>();
        if (random.nextInt(4) > 0) {
            times.put(Entrant.FINISH, 1000L + 10 * random.nextInt(15));
        }
        if (random.nextInt(4) > 0) {
            times.put("km5", 500L + 10 * random.nextInt(10));
        }
        return times;
    }
}
