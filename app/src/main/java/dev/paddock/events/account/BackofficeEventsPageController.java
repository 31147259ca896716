package dev.paddock.events.account;

import dev.paddock.identity.AccountId;
import dev.paddock.shared.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** {@code /backoffice/events}: operators find events, organizers and registrations; refund or move a registration. */
@Controller
@PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN')")
class BackofficeEventsPageController {

    private final OperatorSearch search;
    private final OperatorDesk desk;
    private final MyEvents views;
    private final History history;
    private final Registrations registrations;
    private final Races races;

    BackofficeEventsPageController(OperatorSearch search, OperatorDesk desk, MyEvents views, History history,
            Registrations registrations, Races races) {
        this.search = search;
        this.desk = desk;
        this.views = views;
        this.history = history;
        this.registrations = registrations;
        this.races = races;
    }

    @GetMapping("/backoffice/events")
    String index(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "") String athlete,
            Model model) {
        model.addAttribute("q", q);
        model.addAttribute("athlete", athlete);
        model.addAttribute("events", search.events(q.length() > 100 ? q.substring(0, 100) : q));
        model.addAttribute("organizers", search.organizers());
        model.addAttribute("registrations", search.registrations(athlete.length() > 254 ? "" : athlete));
        return "events/account/backoffice";
    }

    @GetMapping("/backoffice/events/registrations/{id}")
    String registration(@PathVariable UUID id, Model model) {
        Registration registration = registrations.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("registration", views.registration(id).orElseThrow());
        model.addAttribute("buyer", registration.buyerAccountId());
        model.addAttribute("history", history.of(id));
        model.addAttribute("otherRaces", races.ofEvent(registration.eventId()).stream()
                .filter(race -> !race.id().equals(registration.raceId())).toList());
        model.addAttribute("requestId", UUID.randomUUID().toString());
        return "events/account/backoffice-registration";
    }

    @PostMapping("/backoffice/events/registrations/{id}/refund")
    String refund(AccountId operator, @PathVariable UUID id, @RequestParam String requestId,
            @RequestParam(defaultValue = "") String amount, @RequestParam(defaultValue = "") String reason,
            HttpServletRequest request, RedirectAttributes redirect) {
        try {
            long cents = cents(amount);
            if (reason.isBlank()) {
                throw ProblemException.field("reason", "required", "A reason is required.");
            }
            redirect.addFlashAttribute("change",
                    desk.refund(operator.value(), request.getRemoteAddr(), id, requestId, cents, reason.strip()));
        } catch (ProblemException refused) {
            redirect.addFlashAttribute("refused", refused.getMessage());
        }
        return "redirect:/backoffice/events/registrations/" + id;
    }

    @PostMapping("/backoffice/events/registrations/{id}/move")
    String move(AccountId operator, @PathVariable UUID id, @RequestParam String requestId, @RequestParam UUID toRaceId,
            @RequestParam(defaultValue = "") String reason, HttpServletRequest request, RedirectAttributes redirect) {
        try {
            if (reason.isBlank()) {
                throw ProblemException.field("reason", "required", "A reason is required.");
            }
            redirect.addFlashAttribute("change",
                    desk.move(operator.value(), request.getRemoteAddr(), id, requestId, toRaceId, reason.strip()));
        } catch (ProblemException refused) {
            redirect.addFlashAttribute("refused", refused.getMessage());
        }
        return "redirect:/backoffice/events/registrations/" + id;
    }

    /** Euros as typed in the form ({@code 12.50}, {@code 12,5}, {@code 12}) to cents, positive, at most two decimals. */
    static long cents(String euros) {
        String text = euros.strip().replace(',', '.');
        if (!text.matches("\\d{1,7}(\\.\\d{1,2})?")) {
            throw ProblemException.field("amount", "format", "Enter an amount in euros, such as 12.50.");
        }
        long cents = new java.math.BigDecimal(text).movePointRight(2).longValueExact();
        if (cents <= 0) {
            throw ProblemException.field("amount", "positive", "The amount is more than zero.");
        }
        return cents;
    }
}
