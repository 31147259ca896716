package dev.paddock.timing.results;

import dev.paddock.events.Startlists;
import dev.paddock.identity.CurrentAccount;
import dev.paddock.timing.board.Boards;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/** An athlete's results history: every race they were confirmed in with a bib and that has results. */
@Controller
class ResultsHistoryController {

    private final Startlists startlists;
    private final Boards boards;

    ResultsHistoryController(Startlists startlists, Boards boards) {
        this.startlists = startlists;
        this.boards = boards;
    }

    record PastResult(UUID raceId, String eventName, String raceName, Instant startsAt, int bib, String status,
            String official, Integer overall, Integer gender, Integer category, String categoryName) {
    }

    @GetMapping("/api/results/my")
    @ResponseBody
    List<PastResult> mine(Authentication who) {
        return history(who);
    }

    @GetMapping("/account/results")
    String page(Authentication who, Model model) {
        model.addAttribute("results", history(who));
        return "timing/results/history";
    }

    private List<PastResult> history(Authentication who) {
        UUID account = CurrentAccount.of(who).orElseThrow().value();
        List<PastResult> results = new ArrayList<>();
        for (Startlists.Entry entry : startlists.entriesOf(account)) {
            boards.snapshot(entry.raceId()).ifPresent(snapshot -> {
                ResultViews.Athlete athlete = ResultViews.athlete(snapshot, entry.bib());
                if (athlete != null) {
                    results.add(new PastResult(entry.raceId(), snapshot.race().eventName(), snapshot.race().raceName(),
                            snapshot.race().startsAt(), entry.bib(), athlete.status(), athlete.official(),
                            athlete.places().overall(), athlete.places().gender(), athlete.places().category(),
                            athlete.places().categoryName()));
                }
            });
        }
        return results;
    }
}
