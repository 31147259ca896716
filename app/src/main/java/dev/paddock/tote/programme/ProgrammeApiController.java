package dev.paddock.tote.programme;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The public programme, open to anonymous clients: a day's meetings, a race, a pool. */
@RestController
class ProgrammeApiController {

    private final ProgrammeStore store;
    private final ProgrammeProperties properties;
    private final Clock clock;

    ProgrammeApiController(ProgrammeStore store, ProgrammeProperties properties, Clock clock) {
        this.store = store;
        this.properties = properties;
        this.clock = clock;
    }

    /** {@code GET /api/tote/programme?date=2026-05-01}; without a date, today in the programme's time zone. */
    @GetMapping("/api/tote/programme")
    Views.DayView day(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        Instant now = clock.instant();
        LocalDate day = date != null ? date : LocalDate.ofInstant(now, properties.zone());
        return new Views.DayView(day, store.day(day).stream().map(m -> Views.MeetingView.of(m, now)).toList());
    }

    @GetMapping("/api/tote/races/{id}")
    Views.RaceView race(@PathVariable UUID id) {
        return Views.RaceView.of(store.race(id).orElseThrow(() -> ProgrammeDesk.notFound("race", id)), clock.instant());
    }

    @GetMapping("/api/tote/pools/{id}")
    Views.PoolView pool(@PathVariable UUID id) {
        return Views.PoolView.of(store.pool(id).orElseThrow(() -> ProgrammeDesk.notFound("pool", id)));
    }
}
