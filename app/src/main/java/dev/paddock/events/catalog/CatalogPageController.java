package dev.paddock.events.catalog;

import jakarta.servlet.http.HttpServletRequest;
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
    String event(@PathVariable String slug, Locale locale, HttpServletRequest request, Model model) {
        Snapshot<PublicEvent> snapshot = snapshot(slug);
        PageInputs.declare(request, snapshot.etag(), () -> snapshot(slug).etag());
        PublicEvent event = snapshot.value();
        model.addAttribute("event", event);
        model.addAttribute("fmt", new CatalogFormat(locale, ZoneId.of(event.zone())));
        model.addAttribute("stylesheet", STYLESHEET);
        return "events/catalog/event";
    }

    @GetMapping("/events/{slug}/participants")
    String participants(@PathVariable String slug, @RequestParam(required = false) String race,
            @RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page, Locale locale,
            HttpServletRequest request, Model model) {
        Snapshot<PublicEvent> snapshot = snapshot(slug);
        PublicEvent event = snapshot.value();
        PublicEvent.PublicRace chosen = chosen(event, race);
        Snapshot<ParticipantList> list = chosen == null ? null : participants.of(chosen, q, page);
        PageInputs.declare(request, version(snapshot, list), () -> {
            Snapshot<PublicEvent> now = snapshot(slug);
            PublicEvent.PublicRace shown = chosen(now.value(), race);
            return version(now, shown == null ? null : participants.of(shown, q, page));
        });
        model.addAttribute("event", event);
        model.addAttribute("race", chosen);
        model.addAttribute("q", q);
        model.addAttribute("list", list == null ? null : list.value());
        model.addAttribute("publicFields", chosen == null ? java.util.List.of() : chosen.fields().stream()
                .filter(f -> f.visibility() == dev.paddock.events.fields.FieldDefinition.Visibility.PUBLIC).toList());
        model.addAttribute("fmt", new CatalogFormat(locale, ZoneId.of(event.zone())));
        model.addAttribute("stylesheet", STYLESHEET);
        return "events/catalog/participants";
    }

    private Snapshot<PublicEvent> snapshot(String slug) {
        return snapshots.get(slug).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    /** The race whose list is shown: the one named, else the event's first (null when it has none). */
    private static PublicEvent.PublicRace chosen(PublicEvent event, String race) {
        return race == null ? event.races().stream().findFirst().orElse(null)
                : event.race(race).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    /** A participant page's inputs: its event's snapshot and its list's. */
    private static String version(Snapshot<PublicEvent> event, Snapshot<ParticipantList> list) {
        return event.etag() + (list == null ? "" : list.etag());
    }
}
