package dev.paddock.events.catalog;

import dev.paddock.events.fields.FieldDefinition;
import dev.paddock.events.rules.AgeCategories;
import dev.paddock.events.rules.RegistrationWindow;
import dev.paddock.shared.ProblemException;
import dev.paddock.shared.ProblemException.FieldProblem;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import java.io.IOException;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import org.springframework.context.MessageSource;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The organizer's back-office: {@code /organizer} (my events), {@code /organizer/events/new} and
 * {@code /organizer/events/{eventId}} with forms for the event, its races, custom fields, price tiers,
 * capacity, registration, promo codes, publication. Forms post, then redirect back (post/redirect/get); a
 * refused form renders the page again with the values sent and each problem next to its input. Forms go
 * through the same request records, bean validation and {@link EventSetup} as the API.
 */
@Controller("catalogOrganizerPageController")
@PreAuthorize("hasAnyRole('ORGANIZER', 'OPERATOR', 'ADMIN')")
class OrganizerPageController {

    static final int BLANK_FIELD_ROWS = 2;

    private final EventSetup setup;
    private final CatalogSettings settings;
    private final Validator validator;
    private final MessageSource messages;
    private final Clock clock;

    OrganizerPageController(EventSetup setup, CatalogSettings settings, Validator validator, MessageSource messages,
            Clock clock) {
        this.clock = clock;
        this.setup = setup;
        this.settings = settings;
        this.validator = validator;
        this.messages = messages;
    }

    @GetMapping("/organizer")
    String events(Authentication auth, Model model) {
        model.addAttribute("events", setup.eventsOf(Organizer.of(auth)));
        return "events/catalog/organizer-events";
    }

    @GetMapping("/organizer/events/new")
    String newEvent(Model model) {
        return newEventPage(model, FormState.NONE);
    }

    @PostMapping("/organizer/events")
    String createEvent(@RequestParam MultiValueMap<String, String> params, Authentication auth, Model model) {
        ZoneId zone = zoneOr(params.getFirst("zone"));
        PostedForm form = new PostedForm(params, zone);
        try {
            OrganizerRequests.NewEvent body = checked(form, OrganizerForms.newEvent(form));
            StoredEvent event = setup.createEvent(Organizer.of(auth), body.slug(), body.details(settings.defaultZone()));
            return "redirect:/organizer/events/" + event.id();
        } catch (ProblemException e) {
            return newEventPage(model, new FormState("event", form.values(), problems(e)));
        }
    }

    @GetMapping("/organizer/events/{eventId}")
    String event(@PathVariable UUID eventId, Authentication auth, Locale locale, Model model) {
        return eventPage(eventId, Organizer.of(auth), locale, model, FormState.NONE);
    }

    @PostMapping("/organizer/events/{eventId}")
    String editEvent(@PathVariable UUID eventId, @RequestParam MultiValueMap<String, String> params, Authentication auth,
            Locale locale, Model model, RedirectAttributes redirect) {
        Organizer organizer = Organizer.of(auth);
        StoredEvent event = setup.event(organizer, eventId);
        PostedForm form = new PostedForm(params, zoneOr(params.getFirst("zone")));
        return submit("event", eventId, organizer, form, locale, model, redirect, () -> {
            OrganizerRequests.EventEdit body = checked(form, OrganizerForms.eventEdit(form));
            setup.editEvent(organizer, eventId, body.version(), body.applyTo(event.details()));
        });
    }

    @PostMapping("/organizer/events/{eventId}/publish")
    String publish(@PathVariable UUID eventId, Authentication auth, Locale locale, Model model,
            RedirectAttributes redirect) {
        Organizer organizer = Organizer.of(auth);
        return submit("status", eventId, organizer, null, locale, model, redirect, () -> setup.publish(organizer, eventId));
    }

    @PostMapping("/organizer/events/{eventId}/cancel")
    String cancel(@PathVariable UUID eventId, Authentication auth, Locale locale, Model model,
            RedirectAttributes redirect) {
        Organizer organizer = Organizer.of(auth);
        return submit("status", eventId, organizer, null, locale, model, redirect, () -> setup.cancel(organizer, eventId));
    }

    @PostMapping("/organizer/events/{eventId}/races")
    String createRace(@PathVariable UUID eventId, @RequestParam MultiValueMap<String, String> params,
            Authentication auth, Locale locale, Model model, RedirectAttributes redirect) {
        Organizer organizer = Organizer.of(auth);
        PostedForm form = new PostedForm(params, setup.event(organizer, eventId).details().zone());
        return submit("new-race", eventId, organizer, form, locale, model, redirect, () -> {
            OrganizerRequests.NewRace body = checked(form, OrganizerForms.newRace(form));
            setup.createRace(organizer, eventId, body.settings(), body.capacity(), List.of(), List.of());
        });
    }

    @PostMapping("/organizer/races/{raceId}")
    String editRace(@PathVariable UUID raceId, @RequestParam MultiValueMap<String, String> params, Authentication auth,
            Locale locale, Model model, RedirectAttributes redirect) {
        Organizer organizer = Organizer.of(auth);
        StoredRace race = setup.race(organizer, raceId);
        PostedForm form = new PostedForm(params, setup.event(organizer, race.eventId()).details().zone());
        return submit("race-" + raceId, race.eventId(), organizer, form, locale, model, redirect, () -> {
            Integer version = form.integer("version");
            RaceSettings edited = OrganizerForms.raceSettings(form, race.settings());
            if (form.checked("teamRace")) {
                checked(form, OrganizerForms.team(form));
            }
            refuse(form.problems());
            setup.editRace(organizer, raceId, version == null ? -1 : version, edited);
        });
    }

    @PostMapping("/organizer/races/{raceId}/fields")
    String setFields(@PathVariable UUID raceId, @RequestParam MultiValueMap<String, String> params, Authentication auth,
            Locale locale, Model model, RedirectAttributes redirect) {
        Organizer organizer = Organizer.of(auth);
        return rowsForm("fields-", "fields", "key", raceId, organizer, params, locale, model, redirect,
                OrganizerForms::fields, fields -> setup.setFields(organizer, raceId, fields));
    }

    @PostMapping("/organizer/races/{raceId}/price-tiers")
    String setPriceTiers(@PathVariable UUID raceId, @RequestParam MultiValueMap<String, String> params,
            Authentication auth, Locale locale, Model model, RedirectAttributes redirect) {
        Organizer organizer = Organizer.of(auth);
        return rowsForm("tiers-", "priceTiers", "name", raceId, organizer, params, locale, model, redirect,
                OrganizerForms::tiers, tiers -> setup.setPriceTiers(organizer, raceId, tiers));
    }

    /** A form of rows replacing a race's list: problems of the stored list are named after the rows shown. */
    private <T> String rowsForm(String formPrefix, String rowsPrefix, String requiredColumn, UUID raceId,
            Organizer organizer, MultiValueMap<String, String> params, Locale locale, Model model,
            RedirectAttributes redirect, BiFunction<PostedForm, List<Integer>, List<T>> read, Consumer<List<T>> store) {
        StoredRace race = setup.race(organizer, raceId);
        PostedForm form = new PostedForm(params, setup.event(organizer, race.eventId()).details().zone());
        List<Integer> rows = form.rows(rowsPrefix, requiredColumn);
        return submit(formPrefix + raceId, race.eventId(), organizer, form, locale, model, redirect, () -> {
            List<T> list = read.apply(form, rows);
            refuse(form.problems());
            try {
                store.accept(list);
            } catch (ProblemException e) {
                throw renamed(e, rowsPrefix, rows);
            }
        });
    }

    @PostMapping("/organizer/races/{raceId}/capacity")
    String setCapacity(@PathVariable UUID raceId, @RequestParam MultiValueMap<String, String> params,
            Authentication auth, Locale locale, Model model, RedirectAttributes redirect) {
        Organizer organizer = Organizer.of(auth);
        StoredRace race = setup.race(organizer, raceId);
        PostedForm form = new PostedForm(params, ZoneId.of("UTC"));
        return submit("capacity-" + raceId, race.eventId(), organizer, form, locale, model, redirect, () -> {
            OrganizerRequests.CapacityBody body = checked(form, new OrganizerRequests.CapacityBody(form.integer("capacity")));
            setup.setCapacity(organizer, raceId, body.capacity());
        });
    }

    @PostMapping("/organizer/races/{raceId}/registration/{action:open|close}")
    String registration(@PathVariable UUID raceId, @PathVariable String action, Authentication auth, Locale locale,
            Model model, RedirectAttributes redirect) {
        Organizer organizer = Organizer.of(auth);
        StoredRace race = setup.race(organizer, raceId);
        return submit("race-" + raceId, race.eventId(), organizer, null, locale, model, redirect,
                () -> setup.setRegistration(organizer, raceId,
                        action.equals("open") ? RegistrationWindow.Stored.OPEN : RegistrationWindow.Stored.CLOSED));
    }

    @PostMapping("/organizer/events/{eventId}/promo-codes")
    String addPromoCode(@PathVariable UUID eventId, @RequestParam MultiValueMap<String, String> params,
            Authentication auth, Locale locale, Model model, RedirectAttributes redirect) {
        Organizer organizer = Organizer.of(auth);
        PostedForm form = new PostedForm(params, setup.event(organizer, eventId).details().zone());
        List<UUID> raceIds = params.getOrDefault("raceIds", List.of()).stream().map(UUID::fromString).toList();
        return submit("promo", eventId, organizer, form, locale, model, redirect, () -> {
            OrganizerRequests.NewPromoCode body = checked(form, OrganizerForms.promoCode(form, raceIds));
            setup.addPromoCode(organizer, eventId, body.promo());
        });
    }

    /** An event or race that is not the organizer's (or a refused command outside a form) as an error page. */
    @ExceptionHandler(ProblemException.class)
    void refused(ProblemException e, HttpServletResponse response) throws IOException {
        response.sendError(e.status().value(), e.getMessage());
    }

    /** Runs a form's command: on success back to the event page with a message, else the page with the problems. */
    private String submit(String formId, UUID eventId, Organizer organizer, PostedForm form, Locale locale, Model model,
            RedirectAttributes redirect, Runnable command) {
        Map<String, String> values = form == null ? Map.of() : form.values();
        try {
            command.run();
        } catch (ProblemException e) {
            model.addAttribute("flashError", e.getMessage());
            return eventPage(eventId, organizer, locale, model, new FormState(formId, values, problems(e)));
        } catch (OptimisticLockingFailureException e) {
            String stale = messages.getMessage("organizer.stale", null, locale);
            model.addAttribute("flashError", stale);
            return eventPage(eventId, organizer, locale, model,
                    new FormState(formId, values, List.of(new FieldProblem("", "conflict", stale))));
        }
        redirect.addFlashAttribute("flash", messages.getMessage("organizer.saved", null, locale));
        return "redirect:/organizer/events/" + eventId + "#" + formId;
    }

    private String eventPage(UUID eventId, Organizer organizer, Locale locale, Model model, FormState form) {
        StoredEvent event = setup.event(organizer, eventId);
        List<StoredRace> races = setup.races(organizer, eventId);
        model.addAttribute("event", event);
        model.addAttribute("races", races);
        model.addAttribute("promoCodes", setup.promoCodes(organizer, eventId));
        model.addAttribute("form", form);
        model.addAttribute("blankRows", BLANK_FIELD_ROWS);
        model.addAttribute("fieldTypes", FieldDefinition.FieldType.values());
        model.addAttribute("sports", EventDetails.Sport.values());
        model.addAttribute("genderRules", Team.GenderRule.values());
        model.addAttribute("ageBases", AgeCategories.Basis.values());
        model.addAttribute("modes", RaceSettings.Mode.values());
        model.addAttribute("bibModes", RaceSettings.BibMode.values());
        model.addAttribute("now", clock.instant());
        model.addAttribute("fmt", new CatalogFormat(locale, event.details().zone()));
        return "events/catalog/organizer-event";
    }

    private String newEventPage(Model model, FormState form) {
        model.addAttribute("form", form);
        model.addAttribute("sports", EventDetails.Sport.values());
        model.addAttribute("defaultZone", settings.defaultZone().getId());
        return "events/catalog/organizer-new-event";
    }

    /** Bean validation of the request record, as the API's {@code @Valid} would, plus the form's reading problems. */
    private <T> T checked(PostedForm form, T body) {
        List<FieldProblem> problems = new ArrayList<>(form.problems());
        validator.validate(body).forEach(v -> {
            String field = v.getPropertyPath().toString().replaceAll("<[^>]*>", "").replace("..", ".");
            if (problems.stream().noneMatch(p -> p.field().equals(field))) {
                problems.add(new FieldProblem(field, "invalid", v.getMessage()));
            }
        });
        refuse(problems);
        return body;
    }

    private static void refuse(List<FieldProblem> problems) {
        if (!problems.isEmpty()) {
            throw new ProblemException(org.springframework.http.HttpStatus.BAD_REQUEST, "validation",
                    problems.getFirst().field() + ": " + problems.getFirst().message(), problems);
        }
    }

    private static ProblemException renamed(ProblemException e, String prefix, List<Integer> rows) {
        return new ProblemException(e.status(), e.slug(), e.getMessage(),
                OrganizerForms.renumbered(e.fieldProblems(), prefix, rows));
    }

    private static List<FieldProblem> problems(ProblemException e) {
        return e.fieldProblems().isEmpty() ? List.of(new FieldProblem("", e.slug(), e.getMessage())) : e.fieldProblems();
    }

    private ZoneId zoneOr(String zone) {
        try {
            return zone == null || zone.isBlank() ? settings.defaultZone() : ZoneId.of(zone.strip());
        } catch (java.time.DateTimeException e) {
            return settings.defaultZone();
        }
    }
}
