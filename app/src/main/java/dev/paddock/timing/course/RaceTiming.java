package dev.paddock.timing.course;

import dev.paddock.passings.Course;
import dev.paddock.passings.Segment;
import dev.paddock.passings.TimingPoint;
import dev.paddock.rankings.Clock;
import dev.paddock.rankings.RaceTime;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A race's timing setup as stored.
 *
 * @param startedAt the start signal of athletes outside every wave, or null before it
 * @param timeLimit milliseconds, or null for none
 * @param teams     how teams are ranked, or null for no team ranking
 * @param rankings  the rankings the organizer configured, or null for the default set ({@link #rankingsOrDefault()})
 * @param segments  multi-sport segments between points, in course order; empty for none
 * @param handovers a relay's handover points: where legs 1 to n-1 end (the last ends at the finish); empty when
 *                  each member's own finish ends their leg
 */
public record RaceTiming(UUID raceId, Clock officialClock, long fastestPerKm, long sameReadWithin, Long timeLimit,
        boolean lapRace, RaceTime.Precision precision, List<TimingPoint> points, List<Wave> waves, Instant startedAt,
        TeamScoring teams, long version, List<RaceRanking> rankings, List<Segment> segments, List<String> handovers) {

    /** A race with the default rankings. */
    public RaceTiming(UUID raceId, Clock officialClock, long fastestPerKm, long sameReadWithin, Long timeLimit,
            boolean lapRace, RaceTime.Precision precision, List<TimingPoint> points, List<Wave> waves, Instant startedAt,
            TeamScoring teams, long version) {
        this(raceId, officialClock, fastestPerKm, sameReadWithin, timeLimit, lapRace, precision, points, waves, startedAt,
                teams, version, null, List.of(), List.of());
    }

    /** @param counting how many members count, for BEST_OF */
    public record TeamScoring(dev.paddock.rankings.TeamSpec.Scoring scoring, Integer counting) {
    }

    public RaceTiming {
        points = List.copyOf(points);
        waves = List.copyOf(waves);
        rankings = rankings == null ? null : List.copyOf(rankings);
        segments = segments == null ? List.of() : List.copyOf(segments);
        handovers = handovers == null ? List.of() : List.copyOf(handovers);
    }

    /** The rankings the race computes: the configured ones, or overall, gender and category at the finish and splits. */
    public List<RaceRanking> rankingsOrDefault() {
        return rankings != null ? rankings : RaceRanking.defaults(points);
    }

    public Course course() {
        return new Course(points, fastestPerKm, sameReadWithin);
    }

    /** The points its rankings, segments and relay handovers name that the course does not have. */
    public java.util.Set<String> missingPoints() {
        java.util.Set<String> named = new java.util.TreeSet<>(handovers);
        segments.forEach(s -> {
            named.add(s.from());
            named.add(s.to());
        });
        rankingsOrDefault().stream().filter(r -> r.point() != null).forEach(r -> named.add(r.point()));
        points.forEach(p -> named.remove(p.code()));
        return named;
    }

    /** The start signal that counts for a bib: its wave's, or the race's; null if not fired yet. */
    public Instant startOf(int bib) {
        return waves.stream().filter(w -> w.holds(bib)).findFirst().map(Wave::startedAt).orElse(startedAt);
    }

    public record Wave(String code, int firstBib, int lastBib, Instant startedAt) {

        boolean holds(int bib) {
            return bib >= firstBib && bib <= lastBib;
        }
    }
}
