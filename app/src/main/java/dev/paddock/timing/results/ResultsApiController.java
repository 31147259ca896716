package dev.paddock.timing.results;

import dev.paddock.shared.ProblemException;
import dev.paddock.timing.board.Boards;
import dev.paddock.timing.board.Snapshot;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Public results, read from the race's current snapshot. Each answer carries an ETag that changes when what it
 * shows changes and may be cached for a second by browsers, a CDN or a reverse proxy; a request with the current
 * ETag gets a 304. Bodies are serialised once per URL while what they show stays the same ({@link ResultBodies}),
 * so a peak of identical lookups costs a map read each. Anonymous reads of a race in memory are answered before they reach it, by
 * {@link ResultsQuickRead} from the same bodies; what it leaves (first reads, errors) comes here.
 */
@RestController
@RequestMapping("/api/results/races/{raceId}")
class ResultsApiController {

    private final Boards boards;
    private final ResultBodies bodies;

    ResultsApiController(Boards boards, ResultBodies bodies) {
        this.boards = boards;
        this.bodies = bodies;
    }

    @GetMapping
    ResponseEntity<byte[]> race(@PathVariable UUID raceId, @RequestHeader(name = "If-None-Match", required = false) String etag) {
        return answer(raceId, "race", etag, ResultViews::race);
    }

    @GetMapping("/rankings/teams")
    ResponseEntity<byte[]> teams(@PathVariable UUID raceId, @RequestHeader(name = "If-None-Match", required = false) String etag) {
        return answer(raceId, "teams", etag, s -> {
            List<ResultViews.TeamRow> teams = ResultViews.teams(s);
            if (teams == null) {
                throw ProblemException.of(HttpStatus.NOT_FOUND, "not-found", "This race ranks no teams");
            }
            return teams;
        });
    }

    @GetMapping("/rankings/{code}")
    ResponseEntity<byte[]> ranking(@PathVariable UUID raceId, @PathVariable String code,
            @RequestParam(required = false) String group, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size,
            @RequestHeader(name = "If-None-Match", required = false) String etag) {
        ResultBodies.Body body = bodies.ranking(raceId, snapshot(raceId), code, group, page, size);
        if (body == null) {
            throw ProblemException.of(HttpStatus.NOT_FOUND, "not-found", "No ranking " + code);
        }
        return answer(body, etag);
    }

    @GetMapping("/athletes/{bib}")
    ResponseEntity<byte[]> athlete(@PathVariable UUID raceId, @PathVariable int bib,
            @RequestHeader(name = "If-None-Match", required = false) String etag) {
        Snapshot snapshot = snapshot(raceId);
        return answer(bodies.athlete(raceId, snapshot, bib, s -> {
            ResultViews.Athlete view = ResultViews.athlete(s, bib);
            if (view == null) {
                throw ProblemException.of(HttpStatus.NOT_FOUND, "not-found", "No athlete with bib " + bib);
            }
            return view;
        }), etag);
    }

    @GetMapping("/search")
    ResponseEntity<byte[]> search(@PathVariable UUID raceId, @RequestParam String q,
            @RequestHeader(name = "If-None-Match", required = false) String etag) {
        if (q.isBlank() || q.length() > 60) {
            throw ProblemException.field("q", "size", "Search with 1 to 60 characters: a bib or a name");
        }
        return answer(raceId, "search|" + ResultViews.fold(q.strip()), etag, s -> ResultViews.search(s, q, 50));
    }

    private ResponseEntity<byte[]> answer(UUID raceId, String what, String ifNoneMatch, Function<Snapshot, Object> view) {
        return answer(bodies.body(raceId, snapshot(raceId), what, view), ifNoneMatch);
    }

    private Snapshot snapshot(UUID raceId) {
        return boards.snapshot(raceId).orElseThrow(() -> ProblemException.of(HttpStatus.NOT_FOUND,
                "not-found", "No results for this race"));
    }

    private static ResponseEntity<byte[]> answer(ResultBodies.Body body, String ifNoneMatch) {
        if (body.etag().equals(ifNoneMatch)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(body.etag()).cacheControl(ResultBodies.CACHING)
                    .build();
        }
        return ResponseEntity.ok().eTag(body.etag()).cacheControl(ResultBodies.CACHING)
                .contentType(MediaType.APPLICATION_JSON).body(body.bytes());
    }
}
