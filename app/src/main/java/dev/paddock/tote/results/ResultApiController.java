package dev.paddock.tote.results;

import dev.paddock.identity.AccountId;
import dev.paddock.shared.ProblemException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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

/**
 * Results over REST: anyone reads a race's result; operators enter, correct and confirm it under
 * {@code /api/tote/ops}. A status the race's status does not allow is a 409 ({@code invalid-transition}, or
 * {@code result-final} once settled); a stale {@code version} is a 409 {@code conflict}.
 */
@RestController
class ResultApiController {

    private final ResultDesk desk;
    private final ResultViews views;

    ResultApiController(ResultDesk desk, ResultViews views) {
        this.desk = desk;
        this.views = views;
    }

    /**
     * @param finish       positions in order, each the runners sharing it: [[3],[1,7],[5],[2]]
     * @param disqualified runners placed out of the finish
     * @param reason       why: required for a correction
     * @param version      the version being corrected (0: none yet); optional, checked when given
     */
    record ResultRequest(@NotNull List<List<Integer>> finish, List<Integer> disqualified, @Size(max = ResultDesk.MAX_REASON) String reason,
            @Min(0) Integer version) {
    }

    record OfficialRequest(@Min(1) Integer version) {
    }

    @GetMapping("/api/tote/races/{id}/result")
    ResultView result(@PathVariable UUID id) {
        ResultStore.RaceRow race = views.race(id).orElseThrow(() -> ResultDesk.notFound(id));
        return views.of(race).orElseThrow(() -> ProblemException.of(HttpStatus.NOT_FOUND, "no-result",
                "Race " + race.code() + " has no result yet."));
    }

    @PutMapping("/api/tote/ops/races/{id}/result")
    @PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN')")
    ResultView enter(@PathVariable UUID id, @Valid @RequestBody ResultRequest body, AccountId operator) {
        desk.enter(id, body.finish(), body.disqualified(), body.reason(), body.version(), operator);
        return result(id);
    }

    @PostMapping("/api/tote/ops/races/{id}/result/official")
    @PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN')")
    ResultView official(@PathVariable UUID id, @Valid @RequestBody(required = false) OfficialRequest body,
            AccountId operator) {
        desk.makeOfficial(id, body == null ? null : body.version(), operator);
        return result(id);
    }

    @GetMapping("/api/tote/ops/races/{id}/result/history")
    @PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN')")
    List<ResultHistory> history(@PathVariable UUID id) {
        views.race(id).orElseThrow(() -> ResultDesk.notFound(id));
        return desk.history(id);
    }
}
