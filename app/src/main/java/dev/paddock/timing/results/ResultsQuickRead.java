package dev.paddock.timing.results;

import dev.paddock.shared.QuickAnswer;
import dev.paddock.shared.QuickRead;
import dev.paddock.timing.board.Boards;
import dev.paddock.timing.board.Snapshot;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * The results API's anonymous reads from memory, ahead of the security chain and Spring MVC: the race, a ranking
 * page, an athlete, a search, the teams, from a board already in memory and bodies already serialised
 * ({@link ResultBodies}). Anything else (a race not loaded yet, a bad parameter, something not found) returns null
 * and goes on to {@link ResultsApiController}, which answers it, errors as problem+json included.
 */
@Component
class ResultsQuickRead implements QuickRead {

    static final String PREFIX = "/api/results/races/";

    private final Boards boards;
    private final ResultBodies bodies;
    private final LookupDoor door;

    ResultsQuickRead(Boards boards, ResultBodies bodies, LookupDoor door) {
        this.boards = boards;
        this.bodies = bodies;
        this.door = door;
    }

    @Override
    public String prefix() {
        return PREFIX;
    }

    @Override
    public QuickAnswer answer(HttpServletRequest request, HttpServletResponse response) {
        String path = request.getRequestURI().substring(request.getContextPath().length() + PREFIX.length());
        int slash = path.indexOf('/');
        UUID raceId = PageAddress.race(slash < 0 ? path : path.substring(0, slash));
        if (raceId == null) {
            return null;
        }
        Snapshot snapshot = boards.loaded(raceId).orElse(null);
        if (snapshot == null) {
            return null;
        }
        QuickAnswer refusal = door.refusal();
        if (refusal != null) {
            return refusal;
        }
        String rest = slash < 0 ? "" : path.substring(slash);
        String what;
        Function<Snapshot, Object> view;
        if (rest.isEmpty()) {
            what = "race";
            view = ResultViews::race;
        } else if (rest.equals("/rankings/teams")) {
            what = "teams";
            view = ResultViews::teams;
        } else if (rest.startsWith("/rankings/") && rest.indexOf('/', 10) < 0) {
            String code = rest.substring(10);
            String group = request.getParameter("group");
            Integer page = PageAddress.number(request.getParameter("page"), 0);
            Integer size = PageAddress.number(request.getParameter("size"), 50);
            if (page == null || size == null) {
                return null;
            }
            return answer(bodies.ranking(raceId, snapshot, code, group, page, size));
        } else if (rest.startsWith("/athletes/") && rest.indexOf('/', 10) < 0) {
            Integer bib = PageAddress.number(rest.substring(10), null);
            if (bib == null) {
                return null;
            }
            ResultBodies.Body body = bodies.athlete(raceId, snapshot, bib, s -> ResultViews.athlete(s, bib));
            return answer(body);
        } else if (rest.equals("/search")) {
            String q = request.getParameter("q");
            if (q == null || q.isBlank() || q.length() > 60) {
                return null;
            }
            what = "search|" + ResultViews.fold(q.strip());
            view = s -> ResultViews.search(s, q, 50);
        } else {
            return null;
        }
        return answer(bodies.body(raceId, snapshot, what, view));
    }

    private static QuickAnswer answer(ResultBodies.Body body) {
        return body == null ? null : QuickAnswer.json(body.bytes(), body.etag(), ResultBodies.CACHE_CONTROL);
    }
}
