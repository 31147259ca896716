package dev.paddock.tote.results;

import dev.paddock.shared.ProblemException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The finish as operators type it and as it is stored: positions in order separated by spaces (or "-" or
 * ","), runners sharing a position joined by "=" (spaces around it allowed). "3 1=7 5 2" is 3 first, 1 and 7
 * dead heat second, then 5 and 2.
 */
final class FinishNotation {

    private static final String POSITIONS = "[\\s,-]+";

    private FinishNotation() {
    }

    static List<List<Integer>> parse(String text) {
        String trimmed = text == null ? "" : text.strip().replaceAll("\\s*=\\s*", "=");
        if (trimmed.isEmpty()) {
            throw ProblemException.field("finish", "required", "The finishing order is required.");
        }
        List<List<Integer>> finish = new ArrayList<>();
        for (String position : trimmed.split(POSITIONS)) {
            List<Integer> tied = new ArrayList<>();
            for (String runner : position.split("=", -1)) {
                tied.add(number(runner, "finish[" + finish.size() + "][" + tied.size() + "]"));
            }
            finish.add(tied);
        }
        return finish;
    }

    /** A list of runner numbers such as the disqualified ones, "4 9"; blank is none. */
    static List<Integer> runners(String text, String field) {
        String trimmed = text == null ? "" : text.strip();
        List<Integer> runners = new ArrayList<>();
        if (!trimmed.isEmpty()) {
            for (String runner : trimmed.split(POSITIONS)) {
                runners.add(number(runner, field + "[" + runners.size() + "]"));
            }
        }
        return runners;
    }

    static String format(List<List<Integer>> finish) {
        return finish.stream()
                .map(tied -> tied.stream().map(String::valueOf).collect(Collectors.joining("=")))
                .collect(Collectors.joining(" "));
    }

    static String formatRunners(List<Integer> runners) {
        return runners.stream().map(String::valueOf).collect(Collectors.joining(" "));
    }

    private static int number(String runner, String field) {
        if (!runner.matches("[0-9]{1,2}")) {
            throw ProblemException.field(field, "pattern", "\"" + runner + "\" is not a runner number: write the finish"
                    + " as numbers in order, runners in a dead heat joined by \"=\", e.g. 3 1=7 5 2.");
        }
        return Integer.parseInt(runner);
    }
}
