package dev.paddock.tote.results;

import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Reads races' results for the API and the pages. */
@Component
class ResultViews {

    private final ResultStore store;

    ResultViews(ResultStore store) {
        this.store = store;
    }

    Optional<ResultStore.RaceRow> race(UUID raceId) {
        return store.race(raceId);
    }

    /** The race's result; empty while none was entered (a cancelled race always has one). */
    @Transactional(readOnly = true)
    Optional<ResultView> of(ResultStore.RaceRow race) {
        EnteredResult result = store.current(race.id()).orElse(null);
        if (result == null && race.status() != dev.paddock.tote.RaceStatus.CANCELLED) {
            return Optional.empty();
        }
        return Optional.of(ResultView.of(race, store.runners(race.id()), result));
    }
}
