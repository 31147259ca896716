package dev.paddock.tote.results;

import dev.paddock.parimutuel.Arrival;
import dev.paddock.tote.RaceStatus;
import dev.paddock.tote.RunnerCard;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link Results} from the arrivals table. A cancelled race reads as {@link Arrival#cancelledRace()}, version 0,
 * official since its cancellation. An official arrival counts only while its race is RESULT_OFFICIAL or SETTLED:
 * a correction sends the race back to provisional, and the result is official again only when confirmed.
 */
@Component
class OfficialResults implements Results {

    private final ResultStore store;

    OfficialResults(ResultStore store) {
        this.store = store;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<OfficialArrival> official(UUID raceId) {
        return store.race(raceId).flatMap(race -> {
            if (race.status() == RaceStatus.CANCELLED) {
                return Optional.of(new OfficialArrival(raceId, 0, Arrival.cancelledRace(), race.statusChangedAt()));
            }
            if (race.status() != RaceStatus.RESULT_OFFICIAL && race.status() != RaceStatus.SETTLED) {
                return Optional.empty();
            }
            return store.current(raceId).filter(EnteredResult::official)
                    .map(result -> new OfficialArrival(raceId, result.version(),
                            arrival(result, store.runners(raceId)), result.officialAt()));
        });
    }

    static Arrival arrival(EnteredResult result, List<RunnerCard> runners) {
        Set<Integer> nonRunners = runners.stream().filter(RunnerCard::nonRunner).map(RunnerCard::number)
                .collect(Collectors.toSet());
        return new Arrival(result.finish(), nonRunners, new HashSet<>(result.disqualified()),
                runners.size() - nonRunners.size(), false);
    }
}
