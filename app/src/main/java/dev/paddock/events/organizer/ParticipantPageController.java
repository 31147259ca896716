package dev.paddock.events.organizer;

import dev.paddock.events.fields.FieldDefinition;
import java.util.List;
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
    private final Participants participants;
    private final ParticipantExports exports;
    private final RaceRulesReader rules;

    ParticipantPageController(EventAccess access, Participants participants, ParticipantExports exports,
            RaceRulesReader rules) {
        this.access = access;
        this.participants = participants;
        this.exports = exports;
        this.rules = rules;
    }

    @GetMapping("/organizer/events/{eventId}/participants")
    String page(@PathVariable UUID eventId, @RequestParam(required = false) UUID race,
            @RequestParam(required = false) String q, @RequestParam(required = false) String status,
            @RequestParam(defaultValue = "0") int page,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        OrganizedEvent event = access.event(eventId);
        List<FieldDefinition> fields = exports.fields(event, race);
        List<String> keys = fields.stream().map(FieldDefinition::key).toList();
        ParticipantFilter filter = new ParticipantFilter(eventId, race, status, q);
        Participants.Page found = participants.page(filter, keys, page);
        var raceRules = rules.of(event);
        model.addAttribute("event", event);
        model.addAttribute("races", access.races(eventId));
        model.addAttribute("filter", filter);
        model.addAttribute("fields", fields);
        model.addAttribute("found", found);
        model.addAttribute("rows", found.items().stream().map(p -> ParticipantApiController.view(p, keys, raceRules)).toList());
        model.addAttribute("statuses", ParticipantFilter.STATUSES.stream().sorted().toList());
        return htmx != null ? "events/organizer/participants :: results" : "events/organizer/participants";
    }
}
