package dev.paddock.bench.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class MarathonTest {

    private static final Marathon marathon = Marathon.of(14_000, 42);

    @Test
    void everyRunnerPassesTheSplitsInOrderAndAlmostEveryoneFinishes() {
        Map<Integer, List<Marathon.Crossing>> byBib = marathon.crossings().stream()
                .collect(Collectors.groupingBy(Marathon.Crossing::bib));
        assertThat(byBib).hasSize(14_000);
        byBib.values().forEach(crossings -> {
            assertThat(crossings.stream().map(Marathon.Crossing::point).toList())
                    .isIn(List.of("10k", "half", "30k", "finish"), List.of("10k", "half", "30k"));
            assertThat(crossings).isSortedAccordingTo(java.util.Comparator.comparingLong(Marathon.Crossing::raceMillis));
        });
        long finishers = marathon.crossings().stream().filter(Marathon.Crossing::finish).count();
        assertThat(finishers).isBetween(13_500L, 13_900L);
    }

    @Test
    void finishTimesAreRoughlyNormalAroundFourHours() {
        double[] times = marathon.crossings().stream().filter(Marathon.Crossing::finish)
                .mapToDouble(c -> c.raceMillis() / 3_600_000.0).sorted().toArray();
        assertThat(times[times.length / 2]).isBetween(3.9, 4.1);
        assertThat(times[0]).isGreaterThanOrEqualTo(2 + 10 / 60.0);
        assertThat(times[times.length - 1]).isLessThanOrEqualTo(6.5 + 1 / 3600.0);
        // about 68% within one standard deviation (40 min)
        long within = java.util.Arrays.stream(times).filter(t -> Math.abs(t - 4) <= 40 / 60.0).count();
        assertThat(within / (double) times.length).isBetween(0.62, 0.74);
    }

    @Test
    void noRunnerIsFasterThanTheIntakeAllowsBetweenTwoPoints() {
        Map<Integer, List<Marathon.Crossing>> byBib = marathon.crossings().stream()
                .collect(Collectors.groupingBy(Marathon.Crossing::bib));
        Map<String, Integer> metres = Marathon.POINTS.stream()
                .collect(Collectors.toMap(Marathon.Point::code, Marathon.Point::metres));
        byBib.values().forEach(crossings -> {
            long previousAt = 0;
            int previousMetres = 0;
            for (Marathon.Crossing crossing : crossings) {
                int at = metres.get(crossing.point());
                // 2:30 per km is the intake's default limit
                assertThat(crossing.raceMillis() - previousAt).isGreaterThan((at - previousMetres) * 150L);
                previousAt = crossing.raceMillis();
                previousMetres = at;
            }
        });
    }

    @Test
    void theCompressionGivesTheFinishLinesBusiestSecondThePeakAndNoMore() {
        long compression = marathon.compression(100);
        assertThat(marathon.busiest(compression)).isLessThanOrEqualTo(100);
        assertThat(marathon.busiest(compression + 1)).isGreaterThan(100);
        long at = marathon.busiestAt(compression);
        assertThat(at).isBetween(3 * 3_600_000L, 5 * 3_600_000L);
    }

    @Test
    void theSameSeedGivesTheSameRace() {
        assertThat(Marathon.of(500, 7)).isEqualTo(Marathon.of(500, 7));
        assertThat(Marathon.of(500, 7)).isNotEqualTo(Marathon.of(500, 8));
    }

    @Test
    void expectedPlacesShareTiesThenFollowBibs() {
        List<Marathon.Crossing> finishes = List.of(new Marathon.Crossing(7, "finish", 900),
                new Marathon.Crossing(3, "finish", 1000), new Marathon.Crossing(2, "finish", 1000),
                new Marathon.Crossing(1, "finish", 1200));
        assertThat(ResultsChecks.expected(finishes)).containsExactly(new ResultsChecks.Line(1, 7),
                new ResultsChecks.Line(2, 2), new ResultsChecks.Line(2, 3), new ResultsChecks.Line(4, 1));
    }
}
