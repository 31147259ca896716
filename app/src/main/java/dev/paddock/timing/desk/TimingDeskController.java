package dev.paddock.timing.desk;

import dev.paddock.events.StartlistRace;
import dev.paddock.events.Startlists;
import dev.paddock.identity.CurrentAccount;
import dev.paddock.passings.TimingPoint;
import dev.paddock.rankings.Clock;
import dev.paddock.shared.ProblemException;
import dev.paddock.timing.board.Boards;
import dev.paddock.timing.corrections.Corrections;
import dev.paddock.timing.course.Courses;
import dev.paddock.timing.course.RaceTiming;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The timing operator's desk in the back-office: set a race's course up, fire its starts, enter missed
 * crossings, set statuses, review the reads the judge set aside. Every change goes through the same
 * services as the API, with a reason where the API asks one.
 */
@Controller
@PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN')")
class TimingDeskController {

    private final Startlists startlists;
    private final Courses courses;
    private final Corrections corrections;
    private final Boards boards;
    private final JdbcClient jdbc;
    private final java.time.Clock clock;

    TimingDeskController(Startlists startlists, Courses courses, Corrections corrections, Boards boards,
            JdbcClient jdbc, java.time.Clock clock) {
        this.startlists = startlists;
        this.courses = courses;
        this.corrections = corrections;
        this.boards = boards;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @GetMapping("/backoffice/timing")
    String races(Model model) {
        Instant now = clock.instant();
        model.addAttribute("races", startlists.racesBetween(now.minus(Duration.ofDays(30)), now.plus(Duration.ofDays(365))));
        return "timing/desk/races";
    }

    @GetMapping("/backoffice/timing/races/{raceId}")
    String race(@PathVariable UUID raceId, Model model) {
        StartlistRace race = startlists.race(raceId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        RaceTiming timing = courses.find(raceId).orElse(null);
        model.addAttribute("race", race);
        model.addAttribute("timing", timing);
        model.addAttribute("pointsText", timing == null ? "start START 0\nfinish FINISH " + race.distanceMetres()
                : String.join("\n", timing.points().stream().map(p -> p.code() + " " + p.kind() + " " + p.distanceMetres()).toList()));
        model.addAttribute("wavesText", timing == null ? "" : String.join("\n", timing.waves().stream()
                .map(w -> w.code() + " " + w.firstBib() + " " + w.lastBib()).toList()));
        model.addAttribute("snapshot", timing == null ? null : boards.snapshot(raceId).orElse(null));
        model.addAttribute("review", timing == null ? List.of() : jdbc.sql("""
                select id, line, bib, point, at, verdict, reason, detail from timing.passings
                where race_id = ? and verdict in ('REJECTED', 'UNKNOWN_BIB') order by id desc limit 200""")
                .params(raceId).query().listOfRows());
        model.addAttribute("log", jdbc.sql("""
                select c.id, c.bib, c.kind, c.details::text as details, c.reason, c.at from timing.corrections c
                where c.race_id = ? order by c.id desc limit 100""").params(raceId).query().listOfRows());
        return "timing/desk/race";
    }

    @PostMapping("/backoffice/timing/races/{raceId}/setup")
    String setup(@PathVariable UUID raceId, @RequestParam Clock officialClock, @RequestParam String points,
            @RequestParam(defaultValue = "") String waves, @RequestParam(defaultValue = "") String timeLimit,
            @RequestParam(defaultValue = "false") boolean lapRace, RedirectAttributes flash) {
        return act(raceId, flash, () -> {
            RaceTiming current = courses.find(raceId).orElse(null);
            RaceTiming setup = new RaceTiming(raceId, officialClock, current == null ? 150_000 : current.fastestPerKm(),
                    current == null ? 30_000 : current.sameReadWithin(),
                    timeLimit.isBlank() ? null : Duration.parse("PT" + timeLimit.strip().toUpperCase()).toMillis(),
                    lapRace, current == null ? dev.paddock.rankings.RaceTime.Precision.SECONDS : current.precision(),
                    points(points), waves(waves, current), current == null ? null : current.startedAt(),
                    current == null ? null : current.teams(), current == null ? 0 : current.version(),
                    current == null ? null : current.rankings(), current == null ? List.of() : current.segments(),
                    current == null ? List.of() : current.handovers());
            setup.course();
            if (!setup.missingPoints().isEmpty()) {
                throw new IllegalArgumentException("The race's rankings, segments or relay handovers use points this"
                        + " course no longer has: " + String.join(", ", setup.missingPoints()));
            }
            courses.save(setup);
            return "Timing saved";
        });
    }

    @PostMapping("/backoffice/timing/races/{raceId}/start")
    String start(@PathVariable UUID raceId, @RequestParam(required = false) String wave, RedirectAttributes flash) {
        return act(raceId, flash, () -> "Start signal at " + courses.start(raceId, wave == null || wave.isBlank() ? null : wave,
                clock.instant()));
    }

    @PostMapping("/backoffice/timing/races/{raceId}/passings")
    String add(@PathVariable UUID raceId, @RequestParam int bib, @RequestParam String point, @RequestParam String time,
            @RequestParam String reason, Authentication who, RedirectAttributes flash) {
        return act(raceId, flash, () -> {
            StartlistRace race = startlists.race(raceId).orElseThrow();
            RaceTiming timing = courses.find(raceId).orElseThrow(() -> new IllegalArgumentException("Set the timing up first"));
            Instant reference = timing.startOf(bib) != null ? timing.startOf(bib) : race.startsAt();
            Instant at = atTimeOfDay(LocalTime.parse(time.strip()), reference, ZoneId.of(race.zone()));
            return "Read of bib " + bib + ": " + corrections.add(raceId, bib, point.strip(), at, reason(reason), actor(who)).verdict();
        });
    }

    @PostMapping("/backoffice/timing/races/{raceId}/status")
    String status(@PathVariable UUID raceId, @RequestParam int bib, @RequestParam(defaultValue = "") String status,
            @RequestParam String reason, Authentication who, RedirectAttributes flash) {
        return act(raceId, flash, () -> {
            corrections.status(raceId, bib, status.isBlank() ? null : Corrections.ManualStatus.valueOf(status),
                    reason(reason), actor(who));
            return "Status of bib " + bib + ": " + (status.isBlank() ? "cleared" : status);
        });
    }

    @PostMapping("/backoffice/timing/races/{raceId}/passings/{passingId}/{action:count|discard}")
    String review(@PathVariable UUID raceId, @PathVariable long passingId, @PathVariable String action,
            @RequestParam String reason, Authentication who, RedirectAttributes flash) {
        return act(raceId, flash, () -> {
            if (action.equals("count")) {
                corrections.count(raceId, passingId, reason(reason), actor(who));
            } else {
                corrections.discard(raceId, passingId, reason(reason), actor(who));
            }
            return "Read #" + passingId + ": " + (action.equals("count") ? "counted" : "discarded");
        });
    }

    /**
     * A time of day on a marshal's sheet, as an instant: the first such moment from an hour before the
     * athlete's start signal (or the scheduled start), so a race crossing midnight reads right.
     */
    static Instant atTimeOfDay(LocalTime time, Instant reference, ZoneId zone) {
        LocalDate day = reference.minus(Duration.ofHours(1)).atZone(zone).toLocalDate();
        Instant at = time.atDate(day).atZone(zone).toInstant();
        return at.isBefore(reference.minus(Duration.ofHours(1))) ? time.atDate(day.plusDays(1)).atZone(zone).toInstant() : at;
    }

    private String act(UUID raceId, RedirectAttributes flash, java.util.function.Supplier<String> change) {
        try {
            flash.addFlashAttribute("done", change.get());
        } catch (ProblemException | IllegalArgumentException | DateTimeParseException e) {
            flash.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/backoffice/timing/races/" + raceId;
    }

    /** One point per line: "code KIND metres", e.g. "km5 SPLIT 5000". */
    static List<TimingPoint> points(String text) {
        List<TimingPoint> points = new ArrayList<>();
        for (String line : text.strip().split("\\R")) {
            String[] parts = line.strip().split("\\s+");
            if (parts.length != 3) {
                throw new IllegalArgumentException("Each point is 'code KIND metres': " + line);
            }
            points.add(new TimingPoint(parts[0], TimingPoint.Kind.valueOf(parts[1].toUpperCase()), Integer.parseInt(parts[2])));
        }
        return points;
    }

    /** One wave per line: "code firstBib lastBib"; waves already started keep their signal. */
    static List<RaceTiming.Wave> waves(String text, RaceTiming current) {
        List<RaceTiming.Wave> waves = new ArrayList<>();
        for (String line : text.strip().split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.strip().split("\\s+");
            if (parts.length != 3) {
                throw new IllegalArgumentException("Each wave is 'code firstBib lastBib': " + line);
            }
            Instant started = current == null ? null : current.waves().stream().filter(w -> w.code().equals(parts[0]))
                    .findFirst().map(RaceTiming.Wave::startedAt).orElse(null);
            waves.add(new RaceTiming.Wave(parts[0], Integer.parseInt(parts[1]), Integer.parseInt(parts[2]), started));
        }
        return waves;
    }

    private static String reason(String reason) {
        if (reason == null || reason.strip().length() < 3 || reason.length() > 500) {
            throw new IllegalArgumentException("Give a reason of 3 to 500 characters");
        }
        return reason.strip();
    }

    private static UUID actor(Authentication who) {
        return CurrentAccount.of(who).orElseThrow().value();
    }
}
