package dev.paddock.passings;

import dev.paddock.passings.TimingPoint.Kind;
import dev.paddock.passings.Verdict.Reason;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Decides what a passing means given the athlete's passings counted so far. Pure. Rules, in order: the
 * point must exist; no read before the athlete's wave start; a second read of a crossing already counted
 * is a duplicate (the earliest read wins, whichever line sent it); a crossing must be possible: not faster
 * than the course's fastest pace since the previous point passed, nor until the next point passed.
 */
public final class PassingJudge {

    private PassingJudge() {
    }

    /**
     * @param waveStart the athlete's start signal, epoch milliseconds
     * @param counted   the athlete's passings counted so far (any order)
     */
    public static Verdict judge(Course course, long waveStart, List<Passing> counted, Passing passing) {
        Optional<TimingPoint> point = course.point(passing.point());
        if (point.isEmpty()) {
            return new Verdict.Rejected(passing, Reason.UNKNOWN_POINT, "No timing point " + passing.point());
        }
        if (passing.atMillis() < waveStart) {
            return new Verdict.Rejected(passing, Reason.BEFORE_START, "Read before the start signal");
        }
        List<Passing> samePoint = counted.stream().filter(p -> p.point().equals(passing.point()))
                .sorted(Comparator.comparingLong(Passing::atMillis)).toList();
        Optional<Passing> sameCrossing = samePoint.stream()
                .filter(p -> point.get().kind() != Kind.LAP || Math.abs(p.atMillis() - passing.atMillis()) <= course.sameReadWithin())
                .findFirst();
        if (sameCrossing.isPresent() && sameCrossing.get().atMillis() <= passing.atMillis()) {
            return new Verdict.Duplicate(passing, sameCrossing.get());
        }
        List<Passing> others = sameCrossing.map(replaced -> counted.stream().filter(p -> p != replaced).toList())
                .orElse(counted);
        Optional<String> impossible = point.get().kind() == Kind.LAP
                ? lapProblem(course, point.get(), waveStart, others, passing)
                : courseProblem(course, waveStart, others, passing);
        if (impossible.isPresent()) {
            return new Verdict.Rejected(passing, Reason.IMPLAUSIBLE, impossible.get());
        }
        return sameCrossing.<Verdict>map(replaced -> new Verdict.Replaces(passing, replaced))
                .orElseGet(() -> new Verdict.Accepted(passing));
    }

    private static Optional<String> courseProblem(Course course, long waveStart, List<Passing> counted, Passing passing) {
        int order = course.order(passing.point());
        int metres = course.points().get(order).distanceMetres();
        Passing previous = null;
        Passing next = null;
        for (Passing other : counted) {
            int otherOrder = course.order(other.point());
            if (otherOrder < 0 || course.points().get(otherOrder).kind() == Kind.LAP || otherOrder == order) {
                continue;
            }
            if (otherOrder < order && (previous == null || otherOrder > course.order(previous.point()))) {
                previous = other;
            } else if (otherOrder > order && (next == null || otherOrder < course.order(next.point()))) {
                next = other;
            }
        }
        long previousAt = previous == null ? waveStart : previous.atMillis();
        int previousMetres = previous == null ? 0 : course.point(previous.point()).orElseThrow().distanceMetres();
        if (passing.atMillis() - previousAt < course.fastest(metres - previousMetres)) {
            return Optional.of(explain(metres - previousMetres, passing.atMillis() - previousAt,
                    "since " + (previous == null ? "the start signal" : previous.point())));
        }
        if (next != null) {
            int nextMetres = course.point(next.point()).orElseThrow().distanceMetres();
            if (next.atMillis() - passing.atMillis() < course.fastest(nextMetres - metres)) {
                return Optional.of(explain(nextMetres - metres, next.atMillis() - passing.atMillis(), "until " + next.point()));
            }
        }
        return Optional.empty();
    }

    private static Optional<String> lapProblem(Course course, TimingPoint lap, long waveStart, List<Passing> counted,
            Passing passing) {
        long previous = counted.stream().filter(p -> p.point().equals(lap.code()) && p.atMillis() < passing.atMillis())
                .mapToLong(Passing::atMillis).max().orElse(waveStart);
        long next = counted.stream().filter(p -> p.point().equals(lap.code()) && p.atMillis() > passing.atMillis())
                .mapToLong(Passing::atMillis).min().orElse(Long.MAX_VALUE);
        if (passing.atMillis() - previous < course.fastest(lap.distanceMetres())) {
            return Optional.of(explain(lap.distanceMetres(), passing.atMillis() - previous, "for a lap"));
        }
        if (next != Long.MAX_VALUE && next - passing.atMillis() < course.fastest(lap.distanceMetres())) {
            return Optional.of(explain(lap.distanceMetres(), next - passing.atMillis(), "for the next lap"));
        }
        return Optional.empty();
    }

    private static String explain(int metres, long millis, String where) {
        return "%d m in %.1f s %s: faster than the course allows".formatted(metres, Math.max(0, millis) / 1000.0, where);
    }
}
