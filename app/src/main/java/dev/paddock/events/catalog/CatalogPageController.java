package dev.paddock.events.catalog;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The public catalogue pages: {@code /events} (search and filters), {@code /events/{slug}} (races, prices,
 * places, register buttons) and {@code /events/{slug}/participants}. They read the same snapshots as the
 * API; {@link AnonymousPageCache} keeps their HTML for anonymous visitors.
 */
@Controller
class CatalogPageController {

    /** The event and participant pages are decorated by the plain {@code layout/page}, which links it from the model. */
    private static final String STYLESHEET = "/css/events-catalog.css";

    private final Catalogue catalogue;
    private final EventSnapshots snapshots;
    private final ParticipantLists participants;
    private final CatalogSettings settings;

    CatalogPageController(Catalogue catalogue, EventSnapshots snapshots, ParticipantLists participants,
            CatalogSettings settings) {
        this.catalogue = catalogue;
        this.snapshots = snapshots;
        this.participants = participants;
        this.settings = settings;
    }

    @GetMapping("/events")
    String catalogue(@RequestParam(required = false) String q, @RequestParam(required = false) String sport,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String country, @RequestParam(required = false) String region,
            @RequestParam(required = false) Integer minDistanceM, @RequestParam(required = false) Integer maxDistanceM,
            @RequestParam(defaultValue = "false") boolean open, @RequestParam(defaultValue = "0") int page,
            Locale locale, Model model) {
        EventSearch search;
        try {
            search = CatalogApiController.search(q, sport, from, to, country, region, minDistanceM, maxDistanceM, open, page);
        } catch (dev.paddock.shared.ProblemException e) {
            search = new EventSearch(q, null, from, null, country, region, null, null, open, page);
            model.addAttribute("searchError", e.getMessage());
        }
        model.addAttribute("search", search);
        model.addAttribute("result", catalogue.search(search).value());
        model.addAttribute("sports", EventDetails.Sport.values());
        model.addAttribute("fmt", new CatalogFormat(locale, settings.defaultZone()));
        return "events/catalog/catalogue";
    }

    @GetMapping("/events/{slug}")
    String event(@PathVariable String slug, Locale locale, Model model) {
        PublicEvent event = event(slug);
        model.addAttribute("event", event);
        model.addAttribute("fmt", new CatalogFormat(locale, ZoneId.of(event.zone())));
        model.addAttribute("stylesheet", STYLESHEET);
        return "events/catalog/event";
    }

    @GetMapping("/events/{slug}/participants")
    String participants(@PathVariable String slug, @RequestParam(required = false) String race,
            @RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page, Locale locale,
            Model model) {
        PublicEvent event = event(slug);
        PublicEvent.PublicRace chosen = race == null ? event.races().stream().findFirst().orElse(null)
                : event.race(race).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("event", event);
        model.addAttribute("race", chosen);
        model.addAttribute("q", q);
        model.addAttribute("list", chosen == null ? null : participants.of(chosen, q, page).value());
        model.addAttribute("publicFields", chosen == null ? java.util.List.of() : chosen.fields().stream()
                .filter(f -> f.visibility() == dev.paddock.events.fields.FieldDefinition.Visibility.PUBLIC).toList());
        model.addAttribute("fmt", new CatalogFormat(locale, ZoneId.of(event.zone())));
        model.addAttribute("stylesheet", STYLESHEET);
        return "events/catalog/participants";
    }

    private PublicEvent event(String slug) {
        return snapshots.get(slug).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)).value();
    }
}
