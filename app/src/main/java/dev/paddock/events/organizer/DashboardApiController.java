package dev.paddock.events.organizer;

import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/events/organizer/events/{eventId}/stats?by=HOUR|DAY}: the dashboard's numbers as JSON. */
@RestController
@PreAuthorize("hasAnyRole('ORGANIZER', 'OPERATOR', 'ADMIN')")
class DashboardApiController {

    private final EventAccess access;
    private final Dashboard dashboard;

    DashboardApiController(EventAccess access, Dashboard dashboard) {
        this.access = access;
        this.dashboard = dashboard;
    }

    @GetMapping("/api/events/organizer/events/{eventId}/stats")
    DashboardStats stats(@PathVariable UUID eventId, @RequestParam(required = false) Timeline.Unit by) {
        return dashboard.stats(access.event(eventId), by);
    }
}
