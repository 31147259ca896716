package dev.paddock.events.organizer;

import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/** The organizer's participant list page: search, filters, paging (htmx swaps the results) and export links. */
@Controller
@PreAuthorize("hasAnyRole('ORGANIZER', 'OPERATOR', 'ADMIN')")
class ParticipantPageController {

    private final EventAccess access;
    private final ParticipantListing listing;

    ParticipantPageController(EventAccess access, ParticipantListing listing) {
        this.access = access;
        this.listing = listing;
    }

    @GetMapping("/organizer/events/{eventId}/participants")
    String page(@PathVariable UUID eventId, @RequestParam(required = false) UUID race,
            @RequestParam(required = false) String q, @RequestParam(required = false) String status,
            @RequestParam(defaultValue = "0") int page,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        OrganizedEvent event = access.event(eventId);
        ParticipantFilter filter = new ParticipantFilter(eventId, race, status, q);
        ParticipantListing.Listing found = listing.list(event, filter, page);
        model.addAttribute("event", event);
        model.addAttribute("races", access.races(eventId));
        model.addAttribute("filter", filter);
        model.addAttribute("fields", found.fields());
        model.addAttribute("found", found.page());
        model.addAttribute("rows", found.rows());
        model.addAttribute("statuses", ParticipantFilter.STATUSES.stream().sorted().toList());
        return htmx != null ? "events/organizer/participants :: results" : "events/organizer/participants";
    }
}
