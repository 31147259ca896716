package dev.paddock.timing.results;

import dev.paddock.site.Viewer;
import dev.paddock.timing.board.Boards;
import dev.paddock.timing.board.Snapshot;
import dev.paddock.timing.course.RaceRanking;
import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The public results pages: a race's rankings with search, an athlete's page that follows them live, and a
 * finisher's certificate.
 */
@Controller
class ResultsPageController {

    static final int PAGE_SIZE = 100;

    static final Viewer ANONYMOUS = new Viewer(false, "", java.util.Set.of());

    private final Boards boards;
    private final Certificates certificates;

    ResultsPageController(Boards boards, Certificates certificates) {
        this.boards = boards;
        this.certificates = certificates;
    }

    @GetMapping("/results/races/{raceId}")
    String race(@PathVariable UUID raceId, @RequestParam(required = false) String ranking,
            @RequestParam(required = false) String group, @RequestParam(defaultValue = "0") int page,
            @RequestParam(required = false) String q, Model model, HttpServletRequest request) {
        model.addAttribute("view", view(snapshot(raceId, request), ranking, group, page, q));
        return "timing/results/race";
    }

    /** The table alone, for the live refresh and the search box. */
    @GetMapping("/results/races/{raceId}/table")
    String table(@PathVariable UUID raceId, @RequestParam(required = false) String ranking,
            @RequestParam(required = false) String group, @RequestParam(defaultValue = "0") int page,
            @RequestParam(required = false) String q, Model model, HttpServletRequest request) {
        model.addAttribute("view", view(snapshot(raceId, request), ranking, group, page, q));
        return "timing/results/race :: table";
    }

    @GetMapping("/results/races/{raceId}/athletes/{bib}")
    String athlete(@PathVariable UUID raceId, @PathVariable int bib, Model model, HttpServletRequest request) {
        return athleteView(raceId, bib, model, "timing/results/athlete", request);
    }

    @GetMapping("/results/races/{raceId}/athletes/{bib}/card")
    String athleteCard(@PathVariable UUID raceId, @PathVariable int bib, Model model, HttpServletRequest request) {
        return athleteView(raceId, bib, model, "timing/results/athlete :: card", request);
    }

    @GetMapping("/results/races/{raceId}/athletes/{bib}/certificate.pdf")
    ResponseEntity<byte[]> certificate(@PathVariable UUID raceId, @PathVariable int bib, HttpServletRequest request) {
        Snapshot snapshot = snapshot(raceId, request);
        ResultViews.Athlete athlete = athlete(snapshot, bib);
        if (!"FINISHED".equals(athlete.status())) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "Certificates are for finishers");
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename("certificate-" + bib + ".pdf").build().toString())
                .body(certificates.render(snapshot, athlete));
    }

    /** A page's template, the fragment of it (null for the whole page) and its model. */
    record Rendering(String template, String fragment, java.util.Map<String, Object> model) {
    }

    /**
     * The page at {@code address} as these handlers make it for an anonymous visitor (with the layout's viewer), for
     * {@link ResultPages} to render without Spring MVC; null for what only Spring MVC answers as it should (a page
     * number it does not bind as this does); an error (not found, a search too long) throws as the handlers do.
     */
    static Rendering anonymous(Snapshot snapshot, PageAddress address, HttpServletRequest request) {
        java.util.Map<String, Object> model = new java.util.HashMap<>();
        model.put("viewer", ANONYMOUS);
        if (address.bib() != null) {
            model.put("race", ResultViews.race(snapshot));
            model.put("athlete", athlete(snapshot, address.bib()));
            return new Rendering("timing/results/athlete", address.fragment() ? "card" : null, model);
        }
        Integer page = PageAddress.number(request.getParameter("page"), 0);
        if (page == null) {
            return null;
        }
        model.put("view", view(snapshot, request.getParameter("ranking"), request.getParameter("group"), page,
                request.getParameter("q")));
        return new Rendering("timing/results/race", address.fragment() ? "table" : null, model);
    }

    private String athleteView(UUID raceId, int bib, Model model, String template, HttpServletRequest request) {
        Snapshot snapshot = snapshot(raceId, request);
        model.addAttribute("race", ResultViews.race(snapshot));
        model.addAttribute("athlete", athlete(snapshot, bib));
        return template;
    }

    private static ResultViews.Athlete athlete(Snapshot snapshot, int bib) {
        ResultViews.Athlete athlete = ResultViews.athlete(snapshot, bib);
        if (athlete == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No athlete with bib " + bib);
        }
        return athlete;
    }

    /** The race's snapshot, also named to {@link AnonymousResultPages} as the one the page is rendered from. */
    private Snapshot snapshot(UUID raceId, HttpServletRequest request) {
        Snapshot snapshot = boards.snapshot(raceId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "No results for this race"));
        request.setAttribute(ResultPages.SNAPSHOT, snapshot);
        return snapshot;
    }

    public record PageView(ResultViews.RaceResults race, String ranking, ResultViews.RankingPage page, String query,
            java.util.List<ResultViews.Row> found, java.util.List<ResultViews.TeamRow> teams) {

        public boolean searching() {
            return query != null && !query.isBlank();
        }

        public boolean hasNext() {
            return page != null && (page.page() + 1) * page.size() < page.total();
        }

        /** What the page shows, equal for two snapshots that show the same. */
        PageView unversioned() {
            return new PageView(race.unversioned(), ranking, page == null ? null : page.unversioned(), query, found, teams);
        }
    }

    static PageView view(Snapshot snapshot, String chosen, String group, int page, String q) {
        java.util.List<RaceRanking> listed = ResultViews.listed(snapshot);
        String ranking = chosen != null ? chosen : listed.isEmpty() ? "teams" : listed.getFirst().code();
        if (ranking.equals("teams")) {
            java.util.List<ResultViews.TeamRow> teams = ResultViews.teams(snapshot);
            if (teams == null) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND, "This race ranks no teams");
            }
            return new PageView(ResultViews.race(snapshot), ranking, null, null, java.util.List.of(), teams);
        }
        if (listed.stream().noneMatch(r -> r.code().equals(ranking))) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No ranking " + ranking);
        }
        String query = q == null ? null : q.strip();
        if (query != null && query.length() > 60) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Search with at most 60 characters");
        }
        return new PageView(ResultViews.race(snapshot), ranking,
                ResultViews.page(snapshot, ranking, group, page, PAGE_SIZE), query,
                query == null || query.isEmpty() ? java.util.List.of() : ResultViews.search(snapshot, query, 50), null);
    }
}
