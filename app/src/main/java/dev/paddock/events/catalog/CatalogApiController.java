package dev.paddock.events.catalog;

import dev.paddock.shared.ProblemException;
import java.time.LocalDate;
import java.util.Arrays;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public catalogue API, anonymous: search, event, participant list. Every answer comes from a snapshot
 * of at most one second, with its ETag and {@code Cache-Control: public, max-age=1}.
 */
@RestController
class CatalogApiController {

    private final Catalogue catalogue;
    private final EventSnapshots snapshots;
    private final ParticipantLists participants;

    CatalogApiController(Catalogue catalogue, EventSnapshots snapshots, ParticipantLists participants) {
        this.catalogue = catalogue;
        this.snapshots = snapshots;
        this.participants = participants;
    }

    @GetMapping("/api/events")
    ResponseEntity<byte[]> search(@RequestParam(required = false) String q, @RequestParam(required = false) String sport,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String country, @RequestParam(required = false) String region,
            @RequestParam(required = false) Integer minDistanceM, @RequestParam(required = false) Integer maxDistanceM,
            @RequestParam(defaultValue = "false") boolean open, @RequestParam(defaultValue = "0") int page,
            @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        return PublicAnswers.json(catalogue.search(search(q, sport, from, to, country, region, minDistanceM,
                maxDistanceM, open, page)), ifNoneMatch);
    }

    @GetMapping("/api/events/{slug}")
    ResponseEntity<byte[]> event(@PathVariable String slug,
            @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        return PublicAnswers.json(snapshots.get(slug).orElseThrow(CatalogApiController::noEvent), ifNoneMatch);
    }

    @GetMapping("/api/events/{slug}/participants")
    ResponseEntity<byte[]> participants(@PathVariable String slug, @RequestParam String race,
            @RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
            @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        PublicEvent event = snapshots.get(slug).orElseThrow(CatalogApiController::noEvent).value();
        PublicEvent.PublicRace found = event.race(race)
                .orElseThrow(() -> ProblemException.field("race", "unknown", "The event has no race " + race));
        return PublicAnswers.json(participants.of(found, q, page), ifNoneMatch);
    }

    /** The search a request asks for; an unknown sport or an inverted range is a 400 naming the parameter. */
    static EventSearch search(String q, String sport, LocalDate from, LocalDate to, String country, String region,
            Integer minDistanceM, Integer maxDistanceM, boolean open, int page) {
        EventSearch search = new EventSearch(q, sport, from, to, country, region, minDistanceM, maxDistanceM, open, page);
        if (search.sport() != null && Arrays.stream(EventDetails.Sport.values()).noneMatch(s -> s.name().equals(search.sport()))) {
            throw ProblemException.field("sport", "unknown", "Sport is one of " + Arrays.toString(EventDetails.Sport.values()));
        }
        if (from != null && to != null && to.isBefore(from)) {
            throw ProblemException.field("to", "range", "'to' is on or after 'from'");
        }
        if (minDistanceM != null && maxDistanceM != null && maxDistanceM < minDistanceM) {
            throw ProblemException.field("maxDistanceM", "range", "maxDistanceM is at least minDistanceM");
        }
        return search;
    }

    static ProblemException noEvent() {
        return ProblemException.of(HttpStatus.NOT_FOUND, "not-found", "No published event at this address");
    }
}
