package dev.paddock.events.organizer;

import java.util.List;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The live dashboard page (session login). Its panel is re-fetched by htmx when the page's live stream
 * (topic {@code event-dashboard:<eventId>}) says the numbers changed.
 */
@Controller
@PreAuthorize("hasAnyRole('ORGANIZER', 'OPERATOR', 'ADMIN')")
class DashboardPageController {

    private final EventAccess access;
    private final Dashboard dashboard;

    DashboardPageController(EventAccess access, Dashboard dashboard) {
        this.access = access;
        this.dashboard = dashboard;
    }

    /** A CHOICE field's answers as bars. */
    record ChoiceBars(String label, List<Bars.Bar> bars) {
    }

    @GetMapping("/organizer/events/{eventId}/dashboard")
    String page(@PathVariable UUID eventId, Model model) {
        fill(eventId, model);
        model.addAttribute("topic", DashboardPulse.topic(eventId));
        return "events/organizer/dashboard";
    }

    @GetMapping("/organizer/events/{eventId}/dashboard/panel")
    String panel(@PathVariable UUID eventId, Model model) {
        fill(eventId, model);
        return "events/organizer/dashboard :: panel";
    }

    private void fill(UUID eventId, Model model) {
        OrganizedEvent event = access.event(eventId);
        DashboardStats stats = dashboard.stats(event, null);
        model.addAttribute("event", event);
        model.addAttribute("stats", stats);
        model.addAttribute("timeline", Bars.ofTimeline(stats.timeline().points(), stats.timeline().unit()));
        model.addAttribute("categories", Bars.of(stats.categories()));
        model.addAttribute("genders", Bars.of(stats.genders()));
        model.addAttribute("countries", Bars.of(stats.countries()));
        model.addAttribute("ageBands", Bars.of(stats.ageBands()));
        model.addAttribute("choices", stats.choices().stream()
                .map(choice -> new ChoiceBars(choice.label(), Bars.of(choice.counts()))).toList());
    }
}
