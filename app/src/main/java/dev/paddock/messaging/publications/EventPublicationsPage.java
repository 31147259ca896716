package dev.paddock.messaging.publications;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.springframework.modulith.events.EventPublication.Status;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The back-office page of incomplete and recently recovered event publications, with "resubmit now". */
@Controller
@RequestMapping("/backoffice/event-publications")
@PreAuthorize("hasAnyRole('OPERATOR','ADMIN')")
class EventPublicationsPage {

    static final int SHOWN = 200;
    static final Duration RECENT = Duration.ofHours(24);

    private final Publications publications;
    private final PublicationRetry retry;
    private final Clock clock;

    EventPublicationsPage(Publications publications, PublicationRetry retry, Clock clock) {
        this.publications = publications;
        this.retry = retry;
        this.clock = clock;
    }

    @GetMapping
    String show(Model model) {
        Map<Status, Long> counts = publications.countByStatus();
        model.addAttribute("counts", counts);
        model.addAttribute("failed", counts.get(Status.FAILED));
        model.addAttribute("incomplete", publications.find(PublicationQuery.INCOMPLETE, null, SHOWN));
        model.addAttribute("recovered",
                publications.find(PublicationQuery.RECOVERED, clock.instant().minus(RECENT), SHOWN));
        model.addAttribute("shown", SHOWN);
        return "messaging/event-publications";
    }

    @PostMapping("/resubmissions")
    String resubmit(RedirectAttributes redirect) {
        redirect.addFlashAttribute("resubmitted", retry.resubmitAllFailed());
        return "redirect:/backoffice/event-publications";
    }
}
