package dev.paddock.tote.report;

import dev.paddock.shared.ProblemException;
import dev.paddock.shared.PublicPaths;
import jakarta.servlet.http.HttpServletResponse;
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
import org.springframework.web.server.ResponseStatusException;

/** The official dividends for anyone: the API, and the fragment the results page loads into its slot. */
final class DividendsControllers {

    private DividendsControllers() {
    }

    @Configuration(proxyBeanMethods = false)
    static class DividendsPaths {
        @Bean
        PublicPaths dividendsPublicPaths() {
            return new PublicPaths(List.of("/tote/races/*/dividends"), List.of("/api/tote/races/*/dividends"));
        }
    }

    @RestController
    static class DividendsApi {
        private final SettledPools settled;

        DividendsApi(SettledPools settled) {
            this.settled = settled;
        }

        /** Empty {@code pools} until the race's pools are settled and paid. */
        @GetMapping("/api/tote/races/{raceId}/dividends")
        PublishedDividends dividends(@PathVariable UUID raceId) {
            return PublishedDividends.of(settled.report(raceId).orElseThrow(() ->
                    ProblemException.of(HttpStatus.NOT_FOUND, "race-not-found", "No race " + raceId + ".")));
        }
    }

    @Controller
    static class DividendsFragment {
        private final SettledPools settled;

        DividendsFragment(SettledPools settled) {
            this.settled = settled;
        }

        /**
         * For {@code <section id="dividends" hx-get=... hx-trigger="load, ...">}: 204 before publication, which
         * htmx does not swap, so the section keeps what it shows meanwhile.
         */
        @GetMapping("/tote/races/{raceId}/dividends")
        String dividends(@PathVariable UUID raceId, Model model, HttpServletResponse response) {
            PublishedDividends dividends = PublishedDividends.of(settled.report(raceId)
                    .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
            if (dividends.pools().isEmpty()) {
                response.setStatus(HttpStatus.NO_CONTENT.value());
                return null;
            }
            model.addAttribute("dividends", dividends);
            return "tote/report/dividends :: dividends";
        }
    }
}
