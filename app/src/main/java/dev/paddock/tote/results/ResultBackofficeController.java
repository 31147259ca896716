package dev.paddock.tote.results;

import dev.paddock.identity.AccountId;
import dev.paddock.identity.AccountSummary;
import dev.paddock.identity.Accounts;
import dev.paddock.shared.ProblemException;
import dev.paddock.tote.RaceStatus;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.context.MessageSource;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /backoffice/tote/races/{id}/result}: the operator enters the arrival as typed ("3 1=7 5 2", the
 * disqualified as "4"), corrects it with a reason, makes it official and reads its history. Forms post, then
 * redirect back with a message; a refused entry comes back with what was typed.
 */
@Controller
@PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN')")
class ResultBackofficeController {

    private final ResultDesk desk;
    private final ResultViews views;
    private final ResultStore store;
    private final Accounts accounts;
    private final MessageSource messages;

    ResultBackofficeController(ResultDesk desk, ResultViews views, ResultStore store, Accounts accounts,
            MessageSource messages) {
        this.desk = desk;
        this.views = views;
        this.store = store;
        this.accounts = accounts;
        this.messages = messages;
    }

    /** A history line with its finish and disqualified runners written as operators type them, and who did it. */
    record HistoryLine(ResultHistory entry, String finish, String disqualified, String by) {
    }

    @GetMapping("/backoffice/tote/races/{id}/result")
    String page(@PathVariable UUID id, Model model) {
        ResultStore.RaceRow race = views.fill(id, false, model);
        RaceStatus status = race.status();
        model.addAttribute("enterable", status == RaceStatus.CLOSED || status == RaceStatus.RESULT_PROVISIONAL
                || status == RaceStatus.RESULT_OFFICIAL);
        model.addAttribute("runners", store.runners(id));
        List<HistoryLine> history = desk.history(id).stream().map(h -> new HistoryLine(h,
                FinishNotation.format(h.finish()), FinishNotation.formatRunners(h.disqualified()),
                accounts.find(h.by()).map(AccountSummary::email).orElse(h.by().toString()))).toList();
        model.addAttribute("history", history);
        if (!model.containsAttribute("finish")) {
            desk.current(id).ifPresent(current -> {
                model.addAttribute("finish", FinishNotation.format(current.finish()));
                model.addAttribute("disqualified", FinishNotation.formatRunners(current.disqualified()));
            });
        }
        return "tote/results/backoffice";
    }

    @PostMapping("/backoffice/tote/races/{id}/result")
    String enter(@PathVariable UUID id, @RequestParam(defaultValue = "") String finish,
            @RequestParam(defaultValue = "") String disqualified, @RequestParam(defaultValue = "") String reason,
            @RequestParam(required = false) Integer version, AccountId operator, Locale locale,
            RedirectAttributes redirect) {
        boolean done = run(redirect, locale, "results.backoffice.entered", () -> desk.enter(id,
                FinishNotation.parse(finish), FinishNotation.runners(disqualified, "disqualified"), reason, version,
                operator));
        if (!done) {
            redirect.addFlashAttribute("finish", finish);
            redirect.addFlashAttribute("disqualified", disqualified);
            redirect.addFlashAttribute("reason", reason);
        }
        return "redirect:/backoffice/tote/races/" + id + "/result";
    }

    @PostMapping("/backoffice/tote/races/{id}/result/official")
    String official(@PathVariable UUID id, @RequestParam(required = false) Integer version, AccountId operator,
            Locale locale, RedirectAttributes redirect) {
        run(redirect, locale, "results.backoffice.madeOfficial", () -> desk.makeOfficial(id, version, operator));
        return "redirect:/backoffice/tote/races/" + id + "/result";
    }

    private boolean run(RedirectAttributes redirect, Locale locale, String done, Supplier<?> command) {
        try {
            command.get();
            redirect.addFlashAttribute("flash", messages.getMessage(done, null, locale));
            return true;
        } catch (ProblemException e) {
            redirect.addFlashAttribute("flashError", messages.getMessage("tote.backoffice.refused",
                    new Object[] {e.getMessage()}, locale));
        } catch (OptimisticLockingFailureException e) {
            redirect.addFlashAttribute("flashError", messages.getMessage("results.backoffice.stale", null, locale));
        }
        return false;
    }
}
