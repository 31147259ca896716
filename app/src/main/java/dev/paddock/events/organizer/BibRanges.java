package dev.paddock.events.organizer;

import dev.paddock.shared.ProblemException.FieldProblem;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a race's new bib ranges before they are stored: each range well formed and not too large, none
 * overlapping another of the same race or a range of another race of the event (two athletes of one event
 * never share a number), and every number already handed out still inside a range.
 */
final class BibRanges {

    /** The most numbers one race may have: 100,000 rows of {@code events.bib_numbers}. */
    static final int MAX_NUMBERS = 100_000;

    private BibRanges() {
    }

    static List<FieldProblem> problems(List<BibRange> ranges, List<BibRange> otherRaces, List<Integer> assigned) {
        List<FieldProblem> problems = new ArrayList<>();
        long total = 0;
        for (int i = 0; i < ranges.size(); i++) {
            BibRange range = ranges.get(i);
            String at = "[" + i + "]";
            if (range.firstBib() < 1) {
                problems.add(new FieldProblem(at + ".firstBib", "min", "A bib number is at least 1."));
                continue;
            }
            if (range.lastBib() < range.firstBib()) {
                problems.add(new FieldProblem(at + ".lastBib", "before-first", "The last bib is not before the first."));
                continue;
            }
            if (range.wave() != null && (range.wave().isBlank() || range.wave().length() > 40)) {
                problems.add(new FieldProblem(at + ".wave", "size", "A wave's name has 1 to 40 characters."));
            }
            total += range.size();
            for (int j = 0; j < i; j++) {
                if (range.overlaps(ranges.get(j)) && ranges.get(j).lastBib() >= ranges.get(j).firstBib()) {
                    problems.add(new FieldProblem(at + ".firstBib", "overlap",
                            "Bibs " + range.firstBib() + "-" + range.lastBib() + " overlap range " + j + "."));
                }
            }
            for (BibRange other : otherRaces) {
                if (range.overlaps(other)) {
                    problems.add(new FieldProblem(at + ".firstBib", "taken-by-another-race", "Bibs "
                            + other.firstBib() + "-" + other.lastBib() + " belong to another race of the event."));
                }
            }
        }
        if (total > MAX_NUMBERS) {
            problems.add(new FieldProblem("[0].firstBib", "too-many", "A race has at most " + MAX_NUMBERS + " bibs."));
        }
        if (problems.isEmpty()) {
            for (int bib : assigned) {
                if (ranges.stream().noneMatch(range -> range.holds(bib))) {
                    problems.add(new FieldProblem("[0].firstBib", "assigned-outside",
                            "Bib " + bib + " is already assigned and must stay inside a range."));
                    break;
                }
            }
        }
        return problems;
    }
}
