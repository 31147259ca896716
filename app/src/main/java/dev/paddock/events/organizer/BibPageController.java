package dev.paddock.events.organizer;

import dev.paddock.identity.AccountId;
import dev.paddock.shared.ProblemException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The bibs page: each race's ranges (editable), how many have a bib, and the one-run assignment. */
@Controller
@PreAuthorize("hasAnyRole('ORGANIZER', 'OPERATOR', 'ADMIN')")
class BibPageController {

    /** Empty range rows offered under the existing ones. */
    static final int NEW_ROWS = 2;

    private final EventAccess access;
    private final Bibs bibs;
    private final BibNumbers numbers;

    BibPageController(EventAccess access, Bibs bibs, BibNumbers numbers) {
        this.access = access;
        this.bibs = bibs;
        this.numbers = numbers;
    }

    /** A race on the page: its ranges (with empty rows to add) and counts. */
    record RaceBibs(OrganizedRace race, List<BibRange> ranges, long confirmed, long numbered, long free) {
    }

    @GetMapping("/organizer/events/{eventId}/bibs")
    String page(@PathVariable UUID eventId, Model model) {
        OrganizedEvent event = access.event(eventId);
        List<RaceBibs> races = new ArrayList<>();
        for (OrganizedRace race : access.races(eventId)) {
            List<BibRange> ranges = new ArrayList<>(numbers.ranges(race.id()));
            for (int i = 0; i < NEW_ROWS; i++) {
                ranges.add(null);
            }
            long[] counts = numbers.counts(race.id());
            races.add(new RaceBibs(race, ranges, counts[0], counts[1], counts[2]));
        }
        model.addAttribute("event", event);
        model.addAttribute("races", races);
        model.addAttribute("orders", BibOrder.values());
        return "events/organizer/bibs";
    }

    @PostMapping("/organizer/races/{raceId}/bib-ranges")
    String ranges(@PathVariable UUID raceId, @RequestParam(name = "firstBib", required = false) List<String> first,
            @RequestParam(name = "lastBib", required = false) List<String> last,
            @RequestParam(name = "wave", required = false) List<String> wave, RedirectAttributes redirect) {
        OrganizedRace race = access.race(raceId);
        try {
            List<BibApiController.RangeRequest> rows = new ArrayList<>();
            int count = first == null ? 0 : first.size();
            for (int i = 0; i < count; i++) {
                String from = first.get(i).strip();
                String to = last != null && i < last.size() ? last.get(i).strip() : "";
                if (from.isEmpty() && to.isEmpty()) {
                    continue;
                }
                rows.add(new BibApiController.RangeRequest(number(from, rows.size(), "firstBib"),
                        number(to, rows.size(), "lastBib"), wave != null && i < wave.size() ? wave.get(i) : null));
            }
            bibs.replaceRanges(race, BibApiController.ranges(rows));
            redirect.addFlashAttribute("saved", raceId);
        } catch (ProblemException refused) {
            redirect.addFlashAttribute("refusedRace", raceId);
            redirect.addFlashAttribute("refused", refused.getMessage());
        }
        return "redirect:/organizer/events/" + race.eventId() + "/bibs";
    }

    @PostMapping("/organizer/races/{raceId}/bibs/assign")
    String assign(@PathVariable UUID raceId, @RequestParam BibOrder order, AccountId actor, RedirectAttributes redirect) {
        OrganizedRace race = access.race(raceId);
        try {
            redirect.addFlashAttribute("assigned", bibs.assignAll(race, order, actor.value()).size());
            redirect.addFlashAttribute("assignedRace", raceId);
        } catch (ProblemException refused) {
            redirect.addFlashAttribute("refusedRace", raceId);
            redirect.addFlashAttribute("refused", refused.getMessage());
        }
        return "redirect:/organizer/events/" + race.eventId() + "/bibs";
    }

    private static Integer number(String text, int row, String field) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException notANumber) {
            throw ProblemException.field("[" + row + "]." + field, "number", field + " is a whole number.");
        }
    }
}
