package dev.paddock.tote.programme;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** The public programme pages: {@code /tote} (a day's meetings and races) and {@code /tote/races/{id}}. */
@Controller
class ProgrammePageController {

    private final ProgrammeStore store;
    private final ProgrammeProperties properties;
    private final Clock clock;

    ProgrammePageController(ProgrammeStore store, ProgrammeProperties properties, Clock clock) {
        this.store = store;
        this.properties = properties;
        this.clock = clock;
    }

    @GetMapping("/tote")
    String day(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            Locale locale, Model model) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), properties.zone());
        LocalDate day = date != null ? date : today;
        model.addAttribute("date", day);
        model.addAttribute("today", day.equals(today));
        model.addAttribute("previous", day.minusDays(1));
        model.addAttribute("next", day.plusDays(1));
        model.addAttribute("meetings", store.day(day));
        model.addAttribute("fmt", new ProgrammeFormat(locale, properties.zone()));
        return "tote/programme/day";
    }

    @GetMapping("/tote/races/{id}")
    String race(@PathVariable UUID id, Locale locale, Model model) {
        Loaded.Race race = store.race(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("race", race);
        model.addAttribute("meeting", store.meeting(race.card().meetingId()).orElseThrow());
        model.addAttribute("fmt", new ProgrammeFormat(locale, properties.zone()));
        return "tote/programme/race";
    }
}
