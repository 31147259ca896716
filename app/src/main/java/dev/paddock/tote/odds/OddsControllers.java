package dev.paddock.tote.odds;

import dev.paddock.shared.ProblemException;
import dev.paddock.shared.PublicPaths;
import java.util.List;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Probable odds for anyone: the API and the fragment the race page loads and refreshes live. */
final class OddsControllers {

    private OddsControllers() {
    }

    @Configuration(proxyBeanMethods = false)
    static class OddsPaths {
        @Bean
        PublicPaths oddsPublicPaths() {
            return new PublicPaths(List.of("/tote/races/*/odds"), List.of("/api/tote/races/*/odds"));
        }
    }

    @RestController
    static class OddsApi {
        private final OddsBoard board;

        OddsApi(OddsBoard board) {
            this.board = board;
        }

        @GetMapping("/api/tote/races/{raceId}/odds")
        RaceOdds odds(@PathVariable UUID raceId) {
            return board.latest(raceId).orElseThrow(() ->
                    ProblemException.of(HttpStatus.NOT_FOUND, "race-not-found", "No race " + raceId + "."));
        }
    }

    @Controller
    static class OddsFragment {
        private final OddsBoard board;

        OddsFragment(OddsBoard board) {
            this.board = board;
        }

        /** For {@code <section id="probable-odds" hx-get=... hx-trigger="load, live:odds from:body">}. */
        @GetMapping("/tote/races/{raceId}/odds")
        String odds(@PathVariable UUID raceId, Model model) {
            model.addAttribute("odds", board.latest(raceId).orElseThrow(() ->
                    ProblemException.of(HttpStatus.NOT_FOUND, "race-not-found", "No race " + raceId + ".")));
            return "tote/betting/odds :: odds";
        }
    }
}
