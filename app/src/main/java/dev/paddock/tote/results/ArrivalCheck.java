package dev.paddock.tote.results;

import dev.paddock.shared.ProblemException;
import dev.paddock.tote.RunnerCard;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;

/**
 * Checks an arrival against its race's runners. Field names are the API's: {@code finish[1][0]} is the first
 * runner of the second position, {@code disqualified[0]} the first disqualified runner.
 * <p>
 * How long a finish must be: at least {@value #PLACES} runners counting every runner of a dead heat, or every
 * runner that can be placed when fewer (starters minus disqualified), because the deepest single-race bets
 * (Quinté+, Pick5, Multi) pay on the first five. Runners that did not finish cannot be told apart, so a race
 * where fewer runners finish than this cannot be entered (see the notes).
 */
final class ArrivalCheck {

    static final int PLACES = 5;

    private ArrivalCheck() {
    }

    /** A checked arrival: the finish as entered, the disqualified runners in number order. */
    record Checked(List<List<Integer>> finish, List<Integer> disqualified) {
    }

    static Checked check(List<List<Integer>> finish, List<Integer> disqualified, List<RunnerCard> runners) {
        Map<Integer, RunnerCard> byNumber = runners.stream().collect(Collectors.toMap(RunnerCard::number, Function.identity()));
        long starters = runners.stream().filter(r -> !r.nonRunner()).count();
        if (starters == 0) {
            throw ProblemException.of(HttpStatus.CONFLICT, "no-starters",
                    "Every runner of this race is a non-runner: cancel the race instead.");
        }
        List<Integer> out = disqualified == null ? List.of() : disqualified;
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < out.size(); i++) {
            runner(out.get(i), "disqualified[" + i + "]", byNumber, seen);
        }
        if (finish == null || finish.isEmpty()) {
            throw ProblemException.field("finish", "required", "The finishing order is required.");
        }
        int placed = 0;
        for (int i = 0; i < finish.size(); i++) {
            List<Integer> tied = finish.get(i);
            if (tied == null || tied.isEmpty()) {
                throw ProblemException.field("finish[" + i + "]", "required", "Position " + (i + 1) + " names no runner.");
            }
            for (int j = 0; j < tied.size(); j++) {
                String field = "finish[" + i + "][" + j + "]";
                Integer number = tied.get(j);
                if (number != null && out.contains(number)) {
                    throw ProblemException.field(field, "disqualified",
                            "Runner " + number + " is disqualified: it cannot be placed.");
                }
                runner(number, field, byNumber, seen);
            }
            placed += tied.size();
        }
        long needed = Math.min(PLACES, starters - out.size());
        if (placed < needed) {
            throw ProblemException.field("finish", "too-short", "The finish lists " + placed + " runners; it needs at least "
                    + needed + " (the first " + PLACES + ", dead heats counting each runner, or every runner that can be placed).");
        }
        return new Checked(finish.stream().map(List::copyOf).toList(), out.stream().sorted().toList());
    }

    private static void runner(Integer number, String field, Map<Integer, RunnerCard> runners, Set<Integer> seen) {
        if (number == null) {
            throw ProblemException.field(field, "required", "A runner number is missing.");
        }
        RunnerCard runner = runners.get(number);
        if (runner == null) {
            throw ProblemException.field(field, "unknown", "The race has no runner " + number + ".");
        }
        if (runner.nonRunner()) {
            throw ProblemException.field(field, "non-runner", "Runner " + number + " is a non-runner: it did not start.");
        }
        if (!seen.add(number)) {
            throw ProblemException.field(field, "duplicate", "Runner " + number + " appears twice.");
        }
    }
}
