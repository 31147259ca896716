package dev.paddock.tote.programme;

import dev.paddock.parimutuel.BetType;
import dev.paddock.shared.ProblemException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.context.MessageSource;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /backoffice/tote}: a day's programme for operators, with forms to create meetings, races and
 * Big 5 pools, declare non-runners, move a start, open, stop betting and cancel. Every form posts, then
 * redirects back to the day with a message (post/redirect/get), so a reload never repeats a command.
 */
@Controller
@PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN')")
class ProgrammeBackofficeController {

    private final ProgrammeDesk desk;
    private final ProgrammeStore store;
    private final ProgrammeProperties properties;
    private final MessageSource messages;
    private final Clock clock;

    ProgrammeBackofficeController(ProgrammeDesk desk, ProgrammeStore store, ProgrammeProperties properties,
            MessageSource messages, Clock clock) {
        this.desk = desk;
        this.store = store;
        this.properties = properties;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/backoffice/tote")
    String day(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            Locale locale, Model model) {
        LocalDate day = date != null ? date : LocalDate.ofInstant(clock.instant(), properties.zone());
        List<Loaded.Meeting> meetings = store.day(day);
        model.addAttribute("date", day);
        model.addAttribute("previous", day.minusDays(1));
        model.addAttribute("next", day.plusDays(1));
        model.addAttribute("meetings", meetings);
        model.addAttribute("races", meetings.stream().flatMap(m -> m.races().stream()).toList());
        model.addAttribute("betTypes", EnumSet.complementOf(EnumSet.of(BetType.BIG5)));
        Map<UUID, String> codes = meetings.stream().flatMap(m -> m.races().stream())
                .collect(Collectors.toMap(r -> r.card().id(), r -> r.card().code()));
        model.addAttribute("big5s", meetings.stream().flatMap(m -> m.races().stream())
                .flatMap(r -> r.pools().stream()).filter(p -> p.card().betType().multiRace())
                .map(p -> p.card().id()).distinct().map(id -> store.pool(id).orElseThrow())
                .map(p -> new Big5Line(p, p.card().raceIds().stream().map(r -> codes.getOrDefault(r, "?"))
                        .collect(Collectors.joining(" → ")))).toList());
        model.addAttribute("fmt", new ProgrammeFormat(locale, properties.zone()));
        return "tote/backoffice/day";
    }

    /** A Big 5 pool and its legs, "R1C2 → R2C2 → ..." (legs of another day show as "?"). */
    record Big5Line(Loaded.Pool pool, String legs) {
    }

    @PostMapping("/backoffice/tote/meetings")
    String createMeeting(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, @RequestParam(defaultValue = "0") String number,
            @RequestParam(defaultValue = "") String venue, @RequestParam(defaultValue = "") String country,
            Locale locale, RedirectAttributes redirect) {
        return run(date, redirect, locale, "tote.backoffice.meetingCreated",
                () -> desk.createMeeting(new ProgrammeDesk.NewMeeting(date, integer("number", number), venue, country)));
    }

    @PostMapping("/backoffice/tote/meetings/{id}/races")
    String createRace(@PathVariable UUID id, @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, @RequestParam(defaultValue = "0") String number,
            @RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String startsAt,
            @RequestParam(defaultValue = "") String runners, @RequestParam(required = false) List<BetType> betTypes,
            Locale locale, RedirectAttributes redirect) {
        return run(date, redirect, locale, "tote.backoffice.raceCreated", () -> desk.createRace(new ProgrammeDesk.NewRace(
                id, integer("number", number), name, instant(startsAt), runners(runners),
                betTypes == null ? Set.of() : EnumSet.copyOf(betTypes))));
    }

    @PostMapping("/backoffice/tote/races/{id}/non-runners")
    String nonRunner(@PathVariable UUID id, @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, @RequestParam(defaultValue = "0") String runner,
            Locale locale, RedirectAttributes redirect) {
        return run(date, redirect, locale, "tote.backoffice.nonRunnerDeclared",
                () -> desk.declareNonRunner(id, integer("runner", runner)));
    }

    @PostMapping("/backoffice/tote/races/{id}/start-time")
    String moveStart(@PathVariable UUID id, @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, @RequestParam(defaultValue = "") String startsAt,
            Locale locale, RedirectAttributes redirect) {
        return run(date, redirect, locale, "tote.backoffice.startMoved", () -> desk.moveStart(id, null, instant(startsAt)));
    }

    @PostMapping("/backoffice/tote/races/{id}/open")
    String open(@PathVariable UUID id, @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, Locale locale, RedirectAttributes redirect) {
        return run(date, redirect, locale, "tote.backoffice.opened", () -> desk.open(id));
    }

    @PostMapping("/backoffice/tote/races/{id}/close")
    String close(@PathVariable UUID id, @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, Locale locale, RedirectAttributes redirect) {
        return run(date, redirect, locale, "tote.backoffice.closed", () -> desk.close(id));
    }

    @PostMapping("/backoffice/tote/races/{id}/cancel")
    String cancel(@PathVariable UUID id, @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, Locale locale, RedirectAttributes redirect) {
        return run(date, redirect, locale, "tote.backoffice.cancelled", () -> desk.cancel(id));
    }

    @PostMapping("/backoffice/tote/big5")
    String createBig5(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, @RequestParam(required = false) List<String> legs, Locale locale,
            RedirectAttributes redirect) {
        return run(date, redirect, locale, "tote.backoffice.big5Created", () -> desk.createBig5(legs == null ? List.of()
                : legs.stream().map(leg -> leg.isBlank() ? null : UUID.fromString(leg)).toList()));
    }

    private String run(LocalDate date, RedirectAttributes redirect, Locale locale, String done, Supplier<?> command) {
        try {
            command.get();
            redirect.addFlashAttribute("flash", messages.getMessage(done, null, locale));
        } catch (ProblemException | IllegalArgumentException e) {
            String detail = e.getMessage();
            redirect.addFlashAttribute("flashError", messages.getMessage("tote.backoffice.refused",
                    new Object[] {detail}, locale));
        } catch (OptimisticLockingFailureException e) {
            redirect.addFlashAttribute("flashError", messages.getMessage("tote.backoffice.stale", null, locale));
        }
        return "redirect:/backoffice/tote?date=" + date;
    }

    private java.time.Instant instant(String local) {
        try {
            return LocalDateTime.parse(local).atZone(properties.zone()).toInstant();
        } catch (DateTimeParseException e) {
            throw ProblemException.field("startsAt", "type", "The start time is a date and time such as 2026-05-01T13:50.");
        }
    }

    private static int integer(String field, String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.field(field, "type", "The " + field + " is a whole number.");
        }
    }

    /** One runner a line, "number name": "1 Idao de Tillard". */
    static List<ProgrammeDesk.NewRunner> runners(String text) {
        List<ProgrammeDesk.NewRunner> runners = new ArrayList<>();
        for (String line : text.split("\\R")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            String[] parts = trimmed.split("\\s+", 2);
            runners.add(new ProgrammeDesk.NewRunner(integer("runners", parts[0].replaceAll("[.:-]$", "")),
                    parts.length > 1 ? parts[1] : ""));
        }
        return runners;
    }
}
