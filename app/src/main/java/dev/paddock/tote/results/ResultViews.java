package dev.paddock.tote.results;

import dev.paddock.tote.RaceStatus;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.server.ResponseStatusException;

/** Reads races' results for the API and the pages. */
@Component
class ResultViews {

    private final ResultStore store;
    private final Times times;

    ResultViews(ResultStore store, @Value("${paddock.tote.programme.zone:Europe/Paris}") ZoneId zone) {
        this.store = store;
        this.times = new Times(zone);
    }

    /** Times of day in the programme's time zone, as the pages show them. */
    record Times(ZoneId zone) {
        private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

        public String time(Instant at) {
            return TIME.withZone(zone).format(at);
        }
    }

    Optional<ResultStore.RaceRow> race(UUID raceId) {
        return store.race(raceId);
    }

    /** The race's result; empty while none was entered (a cancelled race always has one). */
    @Transactional(readOnly = true)
    Optional<ResultView> of(ResultStore.RaceRow race) {
        EnteredResult result = store.current(race.id()).orElse(null);
        if (result == null && race.status() != RaceStatus.CANCELLED) {
            return Optional.empty();
        }
        return Optional.of(ResultView.of(race, store.runners(race.id()), result));
    }

    /**
     * What a result page needs: the race, its result (null while none), the time format and whether the arrival
     * links to the result page (the race page's compact form); 404 for no race.
     */
    ResultStore.RaceRow fill(UUID raceId, boolean link, Model model) {
        ResultStore.RaceRow race = race(raceId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("race", race);
        model.addAttribute("result", of(race).orElse(null));
        model.addAttribute("times", times);
        model.addAttribute("link", link);
        return race;
    }
}
