package dev.paddock.timing.course;

import dev.paddock.passings.Segment;
import dev.paddock.passings.TimingPoint;
import dev.paddock.rankings.Clock;
import dev.paddock.rankings.RaceTime;
import dev.paddock.rankings.TeamSpec;
import dev.paddock.shared.ProblemException;
import dev.paddock.shared.ProblemException.FieldProblem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;

/**
 * A race's timing setup as the API takes it.
 *
 * @param fastestPerKm   ISO-8601 duration; default "PT2M30S"
 * @param sameReadWithin ISO-8601 duration; default "PT30S"
 * @param timeLimit      ISO-8601 duration, or null for none
 * @param rankings       the race's rankings, or null for the default set
 * @param segments       multi-sport segments between points (swim, t1, bike...), in course order
 * @param relayHandovers a LEGS relay's handover points, where legs 1 to n-1 end
 */
record TimingSetup(@NotNull Clock officialClock, Duration fastestPerKm, Duration sameReadWithin, Duration timeLimit,
        Boolean lapRace, RaceTime.Precision precision,
        @NotEmpty @Size(max = 50) List<@Valid @NotNull Point> points,
        @Size(max = 50) List<@Valid @NotNull Wave> waves, TeamSpec.Scoring teamScoring, Integer teamCounting,
        @Size(max = 50) List<RaceRanking> rankings, @Size(max = 20) List<SegmentEntry> segments,
        @Size(max = 49) List<String> relayHandovers) {

    static final Duration DEFAULT_FASTEST_PER_KM = Duration.ofSeconds(150);
    static final Duration DEFAULT_SAME_READ = Duration.ofSeconds(30);

    record Point(@NotBlank String code, @NotNull TimingPoint.Kind kind, @NotNull @Min(0) Integer distanceM) {
    }

    record SegmentEntry(String code, String from, String to, Segment.Kind kind) {
    }

    record Wave(@NotBlank @Size(max = 20) String code, @NotNull @Positive Integer firstBib,
            @NotNull @Positive Integer lastBib) {
    }

    /**
     * The setup to store; start signals already fired are kept.
     *
     * @param publicFields the race's public custom fields, which rankings may filter and group on
     */
    RaceTiming toTiming(UUID raceId, RaceTiming current, Set<String> publicFields) {
        List<RaceTiming.Wave> newWaves = (waves == null ? List.<Wave>of() : waves).stream()
                .map(w -> new RaceTiming.Wave(w.code(), w.firstBib(), w.lastBib(), current == null ? null
                        : current.waves().stream().filter(c -> c.code().equals(w.code())).findFirst()
                                .map(RaceTiming.Wave::startedAt).orElse(null)))
                .toList();
        List<TimingPoint> course = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            Point p = points.get(i);
            try {
                course.add(new TimingPoint(p.code(), p.kind(), p.distanceM()));
            } catch (IllegalArgumentException e) {
                throw ProblemException.field("points[" + i + "]", "point", e.getMessage());
            }
        }
        Duration same = sameReadWithin == null ? DEFAULT_SAME_READ : sameReadWithin;
        if (same.isNegative()) {
            throw ProblemException.field("sameReadWithin", "range", "A duration is not negative");
        }
        if ((teamScoring == TeamSpec.Scoring.BEST_OF) != (teamCounting != null)
                || teamCounting != null && (teamCounting < 1 || teamCounting > 50)) {
            throw ProblemException.field("teamCounting", "counting", "BEST_OF, and only it, counts 1 to 50 members");
        }
        List<SegmentEntry> segmentEntries = segments == null ? List.of() : segments;
        List<String> handovers = relayHandovers == null ? List.of() : relayHandovers;
        List<FieldProblem> problems = new ArrayList<>(SetupProblems.segments(segmentEntries, course));
        problems.addAll(SetupProblems.handovers(handovers, course, teamScoring == TeamSpec.Scoring.LEGS));
        if (rankings != null) {
            Set<String> segmentCodes = new java.util.HashSet<>();
            segmentEntries.stream().filter(java.util.Objects::nonNull).forEach(e -> segmentCodes.add(e.code()));
            problems.addAll(SetupProblems.rankings(rankings, course, segmentCodes, publicFields));
        }
        if (!problems.isEmpty()) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "validation", problems.getFirst().message(), problems);
        }
        return new RaceTiming(raceId, officialClock, positive("fastestPerKm", fastestPerKm, DEFAULT_FASTEST_PER_KM),
                same.toMillis(), timeLimit == null ? null : positive("timeLimit", timeLimit, null), Boolean.TRUE.equals(lapRace),
                precision == null ? RaceTime.Precision.SECONDS : precision, course, newWaves,
                current == null ? null : current.startedAt(),
                teamScoring == null ? null : new RaceTiming.TeamScoring(teamScoring, teamCounting),
                current == null ? 0 : current.version(), rankings,
                segmentEntries.stream().map(e -> new Segment(e.code(), e.from(), e.to(), e.kind())).toList(), handovers);
    }

    private static long positive(String field, Duration duration, Duration fallback) {
        Duration value = duration == null ? fallback : duration;
        if (value.isNegative() || value.isZero()) {
            throw ProblemException.field(field, "range", "A duration is positive");
        }
        return value.toMillis();
    }
}
