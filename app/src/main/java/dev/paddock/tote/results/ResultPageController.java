package dev.paddock.tote.results;

import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /tote/races/{id}/result}, public: the arrival, refreshed live on the race's {@code result} event, and
 * the slot the dividends fill ({@code /tote/races/{id}/dividends}, re-fetched on {@code dividends}). The
 * arrival alone is also a fragment, which the race page shows.
 */
@Controller
class ResultPageController {

    private final ResultViews views;

    ResultPageController(ResultViews views) {
        this.views = views;
    }

    @GetMapping("/tote/races/{id}/result")
    String page(@PathVariable UUID id, Model model) {
        views.fill(id, false, model);
        return "tote/results/result";
    }

    @GetMapping("/tote/races/{id}/result/arrival")
    String arrival(@PathVariable UUID id, @RequestParam(defaultValue = "false") boolean link, Model model) {
        views.fill(id, link, model);
        return "tote/results/arrival :: arrival";
    }
}
