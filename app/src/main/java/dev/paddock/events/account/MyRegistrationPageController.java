package dev.paddock.events.account;

import dev.paddock.identity.AccountId;
import dev.paddock.shared.ProblemException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /account/events/registrations/{id}}: one registration's history and its change forms (transfer, hand over,
 * cancel). Each form carries a request id made when the page was drawn, so sending it twice changes things once.
 */
@Controller
class MyRegistrationPageController {

    private final Registrations registrations;
    private final MyEvents views;
    private final History history;
    private final Races races;
    private final Cancellation cancellation;
    private final Transfer transfer;
    private final Handover handover;
    private final Validator validator;

    MyRegistrationPageController(Registrations registrations, MyEvents views, History history, Races races,
            Cancellation cancellation, Transfer transfer, Handover handover, Validator validator) {
        this.registrations = registrations;
        this.views = views;
        this.history = history;
        this.races = races;
        this.cancellation = cancellation;
        this.transfer = transfer;
        this.handover = handover;
        this.validator = validator;
    }

    @GetMapping("/account/events/registrations/{id}")
    String page(AccountId account, @PathVariable UUID id, Model model) {
        Registration registration = registrations.find(id).filter(r -> r.belongsTo(account.value()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("registration", views.registration(id).orElseThrow());
        model.addAttribute("history", history.of(id));
        model.addAttribute("otherRaces", races.ofEvent(registration.eventId()).stream()
                .filter(race -> !race.id().equals(registration.raceId()) && !race.team()
                        && "FIRST_COME".equals(race.mode()))
                .toList());
        model.addAttribute("requestId", UUID.randomUUID().toString());
        return "events/account/registration";
    }

    @PostMapping("/account/events/registrations/{id}/cancel")
    String cancel(AccountId account, @PathVariable UUID id, @RequestParam String requestId, RedirectAttributes redirect) {
        return done(id, redirect, () -> cancellation.cancel(account.value(), id, requestId));
    }

    @PostMapping("/account/events/registrations/{id}/transfer")
    String transfer(AccountId account, @PathVariable UUID id, @RequestParam String requestId,
            @RequestParam UUID toRaceId, @RequestParam(defaultValue = "WALLET") Payments.Method payment,
            RedirectAttributes redirect) {
        return done(id, redirect, () -> transfer.transfer(account.value(), id, requestId, toRaceId, null, payment));
    }

    @PostMapping("/account/events/registrations/{id}/handover")
    String handover(AccountId account, @PathVariable UUID id, @RequestParam String requestId,
            @RequestParam(defaultValue = "") String firstName, @RequestParam(defaultValue = "") String lastName,
            @RequestParam(defaultValue = "") String gender, @RequestParam(defaultValue = "") String birthDate,
            @RequestParam(defaultValue = "") String nationality, @RequestParam(defaultValue = "") String email,
            RedirectAttributes redirect) {
        Athlete athlete = new Athlete(firstName, lastName, gender.isBlank() ? null : gender, date(birthDate),
                nationality.isBlank() ? null : nationality.strip().toUpperCase(java.util.Locale.ROOT), email);
        List<String> problems = validator.validate(athlete).stream()
                .sorted(Comparator.comparing((ConstraintViolation<Athlete> v) -> v.getPropertyPath().toString()))
                .map(v -> v.getPropertyPath() + ": " + v.getMessage()).toList();
        if (!problems.isEmpty()) {
            redirect.addFlashAttribute("problems", problems);
            return "redirect:/account/events/registrations/" + id + "#handover";
        }
        // the form has no custom fields: the new person keeps the answers already given
        return done(id, redirect, () -> handover.handOver(account.value(), id, requestId, athlete, null,
                Payments.Method.WALLET));
    }

    private static LocalDate date(String text) {
        try {
            return text.isBlank() ? null : LocalDate.parse(text.strip());
        } catch (DateTimeParseException notADate) {
            return null;
        }
    }

    private static String done(UUID id, RedirectAttributes redirect, java.util.function.Supplier<Change> change) {
        try {
            Change made = change.get();
            redirect.addFlashAttribute("change", made);
        } catch (ProblemException refused) {
            redirect.addFlashAttribute("refused", refused.getMessage());
        }
        return "redirect:/account/events/registrations/" + id;
    }
}
