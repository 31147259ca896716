package dev.paddock.events.organizer;

import dev.paddock.events.fields.FieldDefinition;
import dev.paddock.events.organizer.AgeGroups.RaceRules;
import dev.paddock.events.organizer.ExportColumns.Scope;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The organizer's participant list as JSON (every field, private ones too) and its CSV and Excel exports
 * ({@code fields=public|all}). The downloads also answer under {@code /organizer/...} for the page's links
 * (session login).
 */
@RestController
@PreAuthorize("hasAnyRole('ORGANIZER', 'OPERATOR', 'ADMIN')")
class ParticipantApiController {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final EventAccess access;
    private final Participants participants;
    private final ParticipantExports exports;
    private final RaceRulesReader rules;

    ParticipantApiController(EventAccess access, Participants participants, ParticipantExports exports,
            RaceRulesReader rules) {
        this.access = access;
        this.participants = participants;
        this.exports = exports;
        this.rules = rules;
    }

    record ParticipantView(UUID id, UUID raceId, String race, String status, Integer bib, String firstName,
            String lastName, String gender, LocalDate birthDate, String nationality, String email, String team,
            String teamRole, String category, Integer predictedSeconds, Instant confirmedAt, long priceCents,
            Map<String, String> answers) {
    }

    record PageView(UUID eventId, int page, int size, long total, List<ParticipantView> items) {
    }

    /** {@code GET ...?race=&q=&status=&page=} (page from 0, 50 a page). */
    @GetMapping("/api/events/organizer/events/{eventId}/participants")
    PageView list(@PathVariable UUID eventId, @RequestParam(required = false) UUID race,
            @RequestParam(required = false) String q, @RequestParam(required = false) String status,
            @RequestParam(defaultValue = "0") int page) {
        OrganizedEvent event = access.event(eventId);
        List<String> keys = exports.fields(event, race).stream().map(FieldDefinition::key).toList();
        Participants.Page found = participants.page(new ParticipantFilter(eventId, race, status, q), keys, page);
        Map<UUID, RaceRules> raceRules = rules.of(event);
        return new PageView(eventId, found.page(), found.size(), found.total(),
                found.items().stream().map(p -> view(p, keys, raceRules)).toList());
    }

    @GetMapping({"/api/events/organizer/events/{eventId}/participants.csv", "/organizer/events/{eventId}/participants.csv"})
    void csv(@PathVariable UUID eventId, @RequestParam(required = false) UUID race,
            @RequestParam(required = false) String q, @RequestParam(required = false) String status,
            @RequestParam(defaultValue = "public") String fields, HttpServletResponse response) throws IOException {
        OrganizedEvent event = access.event(eventId);
        Scope scope = Scope.of(fields);
        download(response, "text/csv;charset=UTF-8", event, scope, "csv");
        exports.csv(event, new ParticipantFilter(eventId, race, status, q), scope, response.getOutputStream());
    }

    @GetMapping({"/api/events/organizer/events/{eventId}/participants.xlsx", "/organizer/events/{eventId}/participants.xlsx"})
    void xlsx(@PathVariable UUID eventId, @RequestParam(required = false) UUID race,
            @RequestParam(required = false) String q, @RequestParam(required = false) String status,
            @RequestParam(defaultValue = "public") String fields, HttpServletResponse response) throws IOException {
        OrganizedEvent event = access.event(eventId);
        Scope scope = Scope.of(fields);
        download(response, XLSX, event, scope, "xlsx");
        exports.xlsx(event, new ParticipantFilter(eventId, race, status, q), scope, response.getOutputStream());
    }

    private static void download(HttpServletResponse response, String type, OrganizedEvent event, Scope scope,
            String extension) {
        response.setContentType(type);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("participants-" + event.slug() + "-" + scope.name().toLowerCase() + "." + extension,
                        StandardCharsets.UTF_8)
                .build().toString());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    static ParticipantView view(Participant p, List<String> keys, Map<UUID, RaceRules> raceRules) {
        Map<String, String> answers = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            if (p.answers().get(i) != null) {
                answers.put(keys.get(i), p.answers().get(i));
            }
        }
        return new ParticipantView(p.id(), p.raceId(), p.raceCode(), p.status(), p.bib(), p.firstName(), p.lastName(),
                p.gender(), p.birthDate(), p.nationality(), p.email(), p.teamName(), p.teamRole(),
                AgeGroups.category(raceRules.get(p.raceId()), p.gender(), p.birthDate()), p.predictedSeconds(),
                p.confirmedAt(), p.priceCents(), answers);
    }
}
