package dev.paddock.events.organizer;

import dev.paddock.events.organizer.ExportColumns.Scope;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
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
    private final ParticipantListing listing;
    private final ParticipantExports exports;

    ParticipantApiController(EventAccess access, ParticipantListing listing, ParticipantExports exports) {
        this.access = access;
        this.listing = listing;
        this.exports = exports;
    }

    record PageView(UUID eventId, int page, int size, long total, List<ParticipantListing.ParticipantView> items) {
    }

    /** {@code GET ...?race=&q=&status=&page=} (page from 0, 50 a page). */
    @GetMapping("/api/events/organizer/events/{eventId}/participants")
    PageView list(@PathVariable UUID eventId, @RequestParam(required = false) UUID race,
            @RequestParam(required = false) String q, @RequestParam(required = false) String status,
            @RequestParam(defaultValue = "0") int page) {
        ParticipantListing.Listing found = listing.list(access.event(eventId),
                new ParticipantFilter(eventId, race, status, q), page);
        return new PageView(eventId, found.page().page(), found.page().size(), found.page().total(), found.rows());
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
}
