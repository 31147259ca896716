package dev.paddock.events.organizer;

import dev.paddock.identity.AccountId;
import dev.paddock.shared.ProblemException;
import dev.paddock.shared.ProblemException.FieldProblem;
import jakarta.validation.constraints.NotNull;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A race's bib ranges and the one-run assignment, for its organizer and operators. */
@RestController
@PreAuthorize("hasAnyRole('ORGANIZER', 'OPERATOR', 'ADMIN')")
class BibApiController {

    private final EventAccess access;
    private final Bibs bibs;
    private final BibNumbers numbers;

    BibApiController(EventAccess access, Bibs bibs, BibNumbers numbers) {
        this.access = access;
        this.bibs = bibs;
        this.numbers = numbers;
    }

    record RangeRequest(Integer firstBib, Integer lastBib, String wave) {
    }

    record RangesView(UUID raceId, List<BibRange> ranges) {
    }

    record AssignRequest(@NotNull BibOrder order) {
    }

    record AssignedView(UUID raceId, String order, int assigned) {
    }

    @GetMapping("/api/events/organizer/races/{raceId}/bib-ranges")
    RangesView ranges(@PathVariable UUID raceId) {
        return new RangesView(access.race(raceId).id(), numbers.ranges(raceId));
    }

    /** {@code PUT [{"firstBib":1,"lastBib":999,"wave":"A"}]}: replaces the race's ranges. */
    @PutMapping("/api/events/organizer/races/{raceId}/bib-ranges")
    RangesView replace(@PathVariable UUID raceId, @RequestBody List<RangeRequest> body) {
        OrganizedRace race = access.race(raceId);
        return new RangesView(raceId, bibs.replaceRanges(race, ranges(body)));
    }

    /** {@code POST {"order":"NAME"|"PREDICTED_TIME"}}: numbers every confirmed registration without a bib. */
    @PostMapping("/api/events/organizer/races/{raceId}/bibs/assign")
    AssignedView assign(@PathVariable UUID raceId, @RequestBody AssignRequest body, AccountId actor) {
        if (body.order() == null) {
            throw ProblemException.field("order", "required", "order is NAME or PREDICTED_TIME.");
        }
        OrganizedRace race = access.race(raceId);
        return new AssignedView(raceId, body.order().name(), bibs.assignAll(race, body.order(), actor.value()).size());
    }

    static List<BibRange> ranges(List<RangeRequest> body) {
        if (body == null) {
            throw ProblemException.field("", "required", "A JSON array of ranges is expected.");
        }
        List<FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < body.size(); i++) {
            RangeRequest range = body.get(i);
            if (range == null || range.firstBib() == null) {
                problems.add(new FieldProblem("[" + i + "].firstBib", "required", "firstBib is required."));
            }
            if (range == null || range.lastBib() == null) {
                problems.add(new FieldProblem("[" + i + "].lastBib", "required", "lastBib is required."));
            }
        }
        if (!problems.isEmpty()) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "validation", problems.getFirst().message(), problems);
        }
        return body.stream().map(r -> new BibRange(r.firstBib(), r.lastBib(),
                r.wave() == null || r.wave().isBlank() ? null : r.wave().strip())).toList();
    }
}
