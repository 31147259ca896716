package dev.paddock.tote.settlement;

import dev.paddock.shared.ProblemException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The "Settle now" button of the operators' programme page. */
@Controller
@PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN')")
class SettlementBackofficeController {

    private final SettlementJobs jobs;
    private final MessageSource messages;

    SettlementBackofficeController(SettlementJobs jobs, MessageSource messages) {
        this.jobs = jobs;
        this.messages = messages;
    }

    @PostMapping("/backoffice/tote/races/{raceId}/settle")
    String settle(@PathVariable UUID raceId, @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            Locale locale, RedirectAttributes redirect) {
        try {
            jobs.request(raceId);
            redirect.addFlashAttribute("flash", messages.getMessage("settlement.started", null, locale));
        } catch (ProblemException refused) {
            redirect.addFlashAttribute("flashError", refused.getMessage());
        }
        return "redirect:/backoffice/tote?date=" + date;
    }
}
