package dev.paddock.timing.board;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paddock.events.StartlistRace;
import dev.paddock.events.Starter;
import dev.paddock.passings.Passing;
import dev.paddock.passings.TimingPoint;
import dev.paddock.rankings.Clock;
import dev.paddock.rankings.RaceTime;
import dev.paddock.rankings.Status;
import dev.paddock.timing.course.RaceTiming;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Law: a board computed from its previous snapshot and the bibs whose passings or statuses changed equals the
 * board computed from scratch, tick after tick of random passings (splits and finishes, a crossing replaced by an
 * earlier read, a status set or cleared), with gun or net time as the official clock and with waves; and an athlete
 * whose results version stays older than the tick has the same entrant and placings as in the previous snapshot.
 */
class RaceBoardUpdateTest {

    static final Instant GUN = Instant.parse("2027-04-25T07:30:00Z");
    static final List<String> CATEGORIES = List.of("M40", "M45", "W40", "W45");

    static List<Arguments> races() {
        List<Arguments> races = new ArrayList<>();
        for (Clock clock : Clock.values()) {
            for (boolean waves : List.of(false, true)) {
                for (long seed = 1; seed <= 10; seed++) {
                    races.add(Arguments.of(clock, waves, seed));
                }
            }
        }
        return races;
    }

    /** Everything an athlete's results show of a snapshot: their entrant and their placing in each ranking. */
    private static List<Object> results(Snapshot snapshot, Starter starter) {
        List<Object> results = new ArrayList<>(List.of(snapshot.entrants().get(starter.bib())));
        new java.util.TreeMap<>(snapshot.rankings()).forEach((code, ranking) -> results.add(code + ": "
                + ranking.of(starter.registrationId().toString())));
        return results;
    }

    private static Snapshot withoutVersions(Snapshot s) {
        return new Snapshot(s.race(), s.timing(), s.version(), s.computedAt(), s.rankings(), s.entrants(), s.starters(),
                s.bibs(), s.splitPoints(), s.teams(), s.behind(), s.finishers(), s.search(), s.listed(), null);
    }

    @ParameterizedTest
    @MethodSource("races")
    void anUpdatedBoardEqualsOneComputedFromScratch(Clock clock, boolean waves, long seed) {
        Random random = new Random(seed);
        RaceTiming timing = new RaceTiming(UUID.randomUUID(), clock, 150_000, 30_000, 3 * 3_600_000L, false,
                RaceTime.Precision.SECONDS, List.of(new TimingPoint("start", TimingPoint.Kind.START, 0),
                        new TimingPoint("km5", TimingPoint.Kind.SPLIT, 5000),
                        new TimingPoint("km10", TimingPoint.Kind.SPLIT, 10000),
                        new TimingPoint("finish", TimingPoint.Kind.FINISH, 15000)),
                waves ? List.of(new RaceTiming.Wave("B", 31, 60, GUN.plusSeconds(300))) : List.of(), GUN, null, 1);
        StartlistRace race = new StartlistRace(timing.raceId(), UUID.randomUUID(), "run", "Run", "15k", "15 km", 15000,
                GUN, "Europe/Zurich");
        List<Starter> starters = new ArrayList<>();
        for (int bib = 1; bib <= 60; bib++) {
            starters.add(new Starter(UUID.randomUUID(), null, bib, "First" + bib, "Last" + bib,
                    random.nextBoolean() ? "F" : "M", LocalDate.of(1980, 1, 1),
                    "CH", random.nextInt(6) == 0 ? null : CATEGORIES.get(random.nextInt(4)), null, null, Map.of()));
        }
        Map<Integer, List<Passing>> counted = new HashMap<>();
        Map<Integer, Status> statuses = new HashMap<>();
        Snapshot snapshot = RaceBoard.compute(race, timing, starters, counted, statuses, 1, GUN, 0);
        int read = 0;
        for (int tick = 0; tick < 30; tick++) {
            Set<Integer> changed = new HashSet<>();
            for (int n = 0; n < 1 + random.nextInt(8); n++) {
                int bib = 1 + random.nextInt(60);
                changed.add(bib);
                List<Passing> passings = new ArrayList<>(counted.getOrDefault(bib, List.of()));
                switch (random.nextInt(6)) {
                    case 0 -> statuses.put(bib, random.nextBoolean() ? Status.DNF : Status.DSQ);
                    case 1 -> statuses.remove(bib);
                    case 2 -> passings.clear();
                    default -> {
                        String point = List.of("km5", "km10", "finish").get(random.nextInt(3));
                        passings.removeIf(p -> p.point().equals(point));
                        // few distinct times, so athletes tie
                        long at = GUN.toEpochMilli() + 3_600_000L + 1000L * random.nextInt(20);
                        passings.add(new Passing(String.valueOf(read++), String.valueOf(bib), point, at,
                                Passing.Line.MAIN));
                    }
                }
                counted.put(bib, passings);
            }
            Snapshot updated = RaceBoard.compute(race, timing, starters, counted, statuses, tick + 2, GUN, 0, snapshot,
                    changed);
            Snapshot whole = RaceBoard.compute(race, timing, starters, counted, statuses, tick + 2, GUN, 0);
            assertThat(updated.entrants()).as("tick %d", tick).isEqualTo(whole.entrants());
            assertThat(updated.rankings()).as("tick %d", tick).isEqualTo(whole.rankings());
            assertThat(withoutVersions(updated)).as("tick %d", tick).isEqualTo(withoutVersions(whole));
            for (Starter starter : starters) {
                if (updated.athletes().since(starter.bib()) < updated.version()) {
                    assertThat(results(updated, starter)).as("tick %d, bib %d: kept since version %d", tick,
                            starter.bib(), updated.athletes().since(starter.bib())).isEqualTo(results(snapshot, starter));
                } else {
                    assertThat(updated.athletes().since(starter.bib())).isEqualTo(updated.version());
                }
            }
            snapshot = updated;
        }
    }
}
