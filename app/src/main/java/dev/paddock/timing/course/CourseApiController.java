package dev.paddock.timing.course;

import dev.paddock.events.Startlists;
import dev.paddock.passings.Course;
import dev.paddock.shared.ProblemException;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The timing operator's setup of a race: its timing points in course order, waves, official clock, time
 * limit, plausibility thresholds; and the start signals.
 */
@RestController
@RequestMapping("/api/timing/races/{raceId}")
@PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN')")
class CourseApiController {

    private final Courses courses;
    private final Startlists startlists;
    private final Clock clock;

    CourseApiController(Courses courses, Startlists startlists, Clock clock) {
        this.courses = courses;
        this.startlists = startlists;
        this.clock = clock;
    }

    @GetMapping
    SetupView setup(@PathVariable UUID raceId) {
        return SetupView.of(courses.find(raceId).orElseThrow(() -> ProblemException.of(HttpStatus.NOT_FOUND, "not-found",
                "This race has no timing set up")));
    }

    @PutMapping
    SetupView save(@PathVariable UUID raceId, @Valid @RequestBody TimingSetup request) {
        if (startlists.race(raceId).isEmpty()) {
            throw ProblemException.of(HttpStatus.NOT_FOUND, "not-found", "No such race");
        }
        RaceTiming setup = request.toTiming(raceId, courses.find(raceId).orElse(null), startlists.publicFields(raceId));
        try {
            new Course(setup.points(), setup.fastestPerKm(), setup.sameReadWithin());
        } catch (IllegalArgumentException e) {
            throw ProblemException.field("points", "course", e.getMessage());
        }
        courses.save(setup);
        return setup(raceId);
    }

    record StartRequest(String wave, Instant at) {
    }

    /** Fires the race's start signal, or a wave's; {@code at} defaults to now (a signal taken by hand). */
    @PostMapping("/start")
    Map<String, Object> start(@PathVariable UUID raceId, @RequestBody(required = false) StartRequest request) {
        String wave = request == null ? null : request.wave();
        Instant at = request == null || request.at() == null ? clock.instant() : request.at();
        return Map.of("startedAt", courses.start(raceId, wave, at));
    }

    /** Durations in ISO-8601 ("PT2M30S"). */
    record SetupView(UUID raceId, dev.paddock.rankings.Clock officialClock, Duration fastestPerKm,
            Duration sameReadWithin, Duration timeLimit, boolean lapRace, dev.paddock.rankings.RaceTime.Precision precision,
            java.util.List<TimingSetup.Point> points, java.util.List<RaceTiming.Wave> waves,
            Instant startedAt, RaceTiming.TeamScoring teams, java.util.List<RaceRanking> rankings,
            java.util.List<dev.paddock.passings.Segment> segments, java.util.List<String> relayHandovers, long version) {

        static SetupView of(RaceTiming t) {
            return new SetupView(t.raceId(), t.officialClock(), Duration.ofMillis(t.fastestPerKm()),
                    Duration.ofMillis(t.sameReadWithin()), t.timeLimit() == null ? null : Duration.ofMillis(t.timeLimit()),
                    t.lapRace(), t.precision(), t.points().stream().map(p -> new TimingSetup.Point(p.code(), p.kind(), p.distanceMetres())).toList(),
                    t.waves(), t.startedAt(), t.teams(), t.rankings(), t.segments(),
                    t.handovers(), t.version());
        }
    }
}
