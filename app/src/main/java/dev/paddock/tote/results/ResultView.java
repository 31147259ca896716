package dev.paddock.tote.results;

import dev.paddock.tote.RaceStatus;
import dev.paddock.tote.RunnerCard;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A race's result as the public API and pages show it, runners with their names.
 *
 * @param state    PROVISIONAL, OFFICIAL or CANCELLED (a cancelled race shows no finish, whatever was entered)
 * @param version  the result's version; 0 for a race cancelled before any result
 * @param finish   positions in order; runners in a dead heat share a position, which takes the following ones
 *                 (two runners tied 2nd are both "2", the next one is 4th)
 * @param starters declared runners minus non-runners
 */
record ResultView(UUID raceId, String code, String name, RaceStatus status, State state, int version,
        List<Position> finish, List<Runner> nonRunners, List<Runner> disqualified, int starters, Instant enteredAt,
        Instant officialAt) {

    enum State { PROVISIONAL, OFFICIAL, CANCELLED }

    record Runner(int number, String name) {
    }

    record Position(int position, boolean deadHeat, List<Runner> runners) {
    }

    static ResultView of(ResultStore.RaceRow race, List<RunnerCard> runners, EnteredResult result) {
        Map<Integer, Runner> byNumber = runners.stream()
                .collect(Collectors.toMap(RunnerCard::number, r -> new Runner(r.number(), r.name()), (a, b) -> a));
        List<Runner> nonRunners = runners.stream().filter(RunnerCard::nonRunner).map(r -> byNumber.get(r.number())).toList();
        int starters = runners.size() - nonRunners.size();
        if (race.status() == RaceStatus.CANCELLED) {
            return new ResultView(race.id(), race.code(), race.name(), race.status(), State.CANCELLED,
                    result == null ? 0 : result.version(), List.of(), nonRunners, List.of(), starters,
                    result == null ? null : result.enteredAt(), race.statusChangedAt());
        }
        List<Position> finish = new ArrayList<>();
        int position = 1;
        for (List<Integer> tied : result.finish()) {
            finish.add(new Position(position, tied.size() > 1, tied.stream().map(named(byNumber)).toList()));
            position += tied.size();
        }
        return new ResultView(race.id(), race.code(), race.name(), race.status(),
                result.official() ? State.OFFICIAL : State.PROVISIONAL, result.version(), finish, nonRunners,
                result.disqualified().stream().map(named(byNumber)).toList(), starters, result.enteredAt(),
                result.officialAt());
    }

    private static Function<Integer, Runner> named(Map<Integer, Runner> runners) {
        return number -> runners.getOrDefault(number, new Runner(number, "?"));
    }
}
