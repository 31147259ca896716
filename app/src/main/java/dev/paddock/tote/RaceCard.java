package dev.paddock.tote;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A race as the programme shows it.
 *
 * @param code    meeting and race numbers, "R1C3"
 * @param runners in programme number order
 * @param pools   the race's own pools, then the Big 5 pools it is a leg of
 */
public record RaceCard(UUID id, UUID meetingId, String code, String name, Instant startsAt, RaceStatus status,
        List<RunnerCard> runners, List<PoolCard> pools) {

    public RaceCard {
        runners = List.copyOf(runners);
        pools = List.copyOf(pools);
    }

    public Optional<RunnerCard> runner(int number) {
        return runners.stream().filter(r -> r.number() == number).findFirst();
    }

    /** Runners that were not declared non-runners. */
    public List<RunnerCard> starters() {
        return runners.stream().filter(r -> !r.nonRunner()).toList();
    }
}
