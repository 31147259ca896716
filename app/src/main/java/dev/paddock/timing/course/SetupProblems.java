package dev.paddock.timing.course;

import dev.paddock.passings.TimingPoint;
import dev.paddock.rankings.RankingSpec.Grouping;
import dev.paddock.shared.ProblemException.FieldProblem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What is wrong with the rankings, segments and relay handovers of a timing setup, every problem at once, each
 * naming the field as the client sent it ({@code rankings[2].groupField}). Pure.
 */
final class SetupProblems {

    static final String CODE = "[a-z0-9][a-z0-9_-]{0,30}";
    /** Always a public value of an entrant, besides the race's public custom fields. */
    static final String NATIONALITY = "nationality";
    private static final Set<String> GENDERS = Set.of("F", "M", "X");

    private SetupProblems() {
    }

    static List<FieldProblem> rankings(List<RaceRanking> rankings, List<TimingPoint> points, Set<String> segments,
            Set<String> publicFields) {
        List<FieldProblem> problems = new ArrayList<>();
        if (rankings.isEmpty()) {
            problems.add(new FieldProblem("rankings", "size", "At least one ranking; leave rankings out for the default set"));
        }
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < rankings.size(); i++) {
            String at = "rankings[" + i + "]";
            RaceRanking ranking = rankings.get(i);
            if (ranking == null) {
                problems.add(new FieldProblem(at, "required", "A ranking is required"));
                continue;
            }
            if (ranking.code() == null || !ranking.code().matches(CODE) || ranking.code().equals("teams")) {
                problems.add(new FieldProblem(at + ".code", "code", "A code like club or m40-women: lower case, digits, - and _; not teams"));
            } else if (!codes.add(ranking.code())) {
                problems.add(new FieldProblem(at + ".code", "unique", "Another ranking has the code " + ranking.code()));
            }
            if (ranking.name() != null && (ranking.name().isBlank() || ranking.name().length() > 80)) {
                problems.add(new FieldProblem(at + ".name", "size", "A name has 1 to 80 characters"));
            }
            grouping(ranking, at, publicFields).ifPresent(problems::add);
            where(ranking, at, points, segments).ifPresent(problems::add);
            problems.addAll(filter(ranking, at, publicFields));
            merging(ranking, at).ifPresent(problems::add);
        }
        return problems;
    }

    /** Segments between existing points, each after its start, one after the other in course order. */
    static List<FieldProblem> segments(List<TimingSetup.SegmentEntry> segments, List<TimingPoint> points) {
        List<FieldProblem> problems = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        int previousEnd = -1;
        for (int i = 0; i < segments.size(); i++) {
            String at = "segments[" + i + "]";
            TimingSetup.SegmentEntry segment = segments.get(i);
            if (segment == null) {
                problems.add(new FieldProblem(at, "required", "A segment is required"));
                continue;
            }
            if (segment.code() == null || !segment.code().matches(CODE)) {
                problems.add(new FieldProblem(at + ".code", "code", "A code like swim, t1 or bike"));
            } else if (!codes.add(segment.code())) {
                problems.add(new FieldProblem(at + ".code", "unique", "Another segment has the code " + segment.code()));
            }
            if (segment.kind() == null) {
                problems.add(new FieldProblem(at + ".kind", "required", "DISCIPLINE or TRANSITION"));
            }
            int from = position(points, segment.from(), TimingPoint.Kind.FINISH);
            int to = position(points, segment.to(), TimingPoint.Kind.START);
            if (from < 0) {
                problems.add(new FieldProblem(at + ".from", "unknown", "No start or split point " + segment.from()));
            } else if (from < previousEnd) {
                problems.add(new FieldProblem(at + ".from", "order", "Segments follow each other in course order"));
            }
            if (to < 0) {
                problems.add(new FieldProblem(at + ".to", "unknown", "No split or finish point " + segment.to()));
            } else if (from >= 0 && to <= from) {
                problems.add(new FieldProblem(at + ".to", "order", "A segment ends at a point after its start"));
            }
            previousEnd = Math.max(previousEnd, to);
        }
        return problems;
    }

    /** A LEGS relay's handover mats: split points, in course order (one mat may serve several handovers). */
    static List<FieldProblem> handovers(List<String> handovers, List<TimingPoint> points, boolean relay) {
        List<FieldProblem> problems = new ArrayList<>();
        if (!handovers.isEmpty() && !relay) {
            problems.add(new FieldProblem("relayHandovers", "relay", "Only a relay (teamScoring LEGS) has handovers"));
            return problems;
        }
        int previous = -1;
        for (int i = 0; i < handovers.size(); i++) {
            int position = points.stream().map(TimingPoint::code).toList().indexOf(handovers.get(i));
            if (position < 0 || points.get(position).kind() != TimingPoint.Kind.SPLIT) {
                problems.add(new FieldProblem("relayHandovers[" + i + "]", "unknown", "No split point " + handovers.get(i)));
            } else if (position < previous) {
                problems.add(new FieldProblem("relayHandovers[" + i + "]", "order", "Handovers are listed in leg order"));
            } else {
                previous = position;
            }
        }
        return problems;
    }

    /** A point's position in the course, or -1 when there is none of that code but of the excluded kind or a lap. */
    private static int position(List<TimingPoint> points, String code, TimingPoint.Kind excluded) {
        for (int i = 0; i < points.size(); i++) {
            TimingPoint point = points.get(i);
            if (point.code().equals(code) && point.kind() != excluded && point.kind() != TimingPoint.Kind.LAP) {
                return i;
            }
        }
        return -1;
    }

    private static Optional<FieldProblem> grouping(RaceRanking ranking, String at, Set<String> publicFields) {
        if (ranking.grouping() == null) {
            return Optional.of(new FieldProblem(at + ".grouping", "required", "OVERALL, GENDER, CATEGORY or FIELD"));
        }
        if (ranking.grouping() == Grouping.FIELD && !isPublic(ranking.groupField(), publicFields)) {
            return Optional.of(new FieldProblem(at + ".groupField", "public-field",
                    "A FIELD ranking groups on one of the race's public fields: " + publicList(publicFields)));
        }
        if (ranking.grouping() != Grouping.FIELD && ranking.groupField() != null) {
            return Optional.of(new FieldProblem(at + ".groupField", "field-grouping", "Only a FIELD ranking names a field"));
        }
        return Optional.empty();
    }

    private static Optional<FieldProblem> where(RaceRanking ranking, String at, List<TimingPoint> points,
            Set<String> segments) {
        if (ranking.point() != null && ranking.segment() != null) {
            return Optional.of(new FieldProblem(at + ".segment", "point-or-segment", "A ranking is at a point or over a segment, not both"));
        }
        if (ranking.point() != null && points.stream().noneMatch(p -> p.code().equals(ranking.point())
                && (p.kind() == TimingPoint.Kind.SPLIT || p.kind() == TimingPoint.Kind.FINISH))) {
            return Optional.of(new FieldProblem(at + ".point", "unknown", "No split or finish point " + ranking.point()));
        }
        if (ranking.segment() != null && !segments.contains(ranking.segment())) {
            return Optional.of(new FieldProblem(at + ".segment", "unknown", "No segment " + ranking.segment()));
        }
        return Optional.empty();
    }

    private static List<FieldProblem> filter(RaceRanking ranking, String at, Set<String> publicFields) {
        List<FieldProblem> problems = new ArrayList<>();
        if (ranking.filter() == null) {
            return problems;
        }
        if (ranking.filter().gender() != null && !GENDERS.contains(ranking.filter().gender())) {
            problems.add(new FieldProblem(at + ".filter.gender", "gender", "F, M or X"));
        }
        for (Map.Entry<String, String> field : ranking.filter().fields().entrySet()) {
            if (!isPublic(field.getKey(), publicFields)) {
                problems.add(new FieldProblem(at + ".filter.fields." + field.getKey(), "public-field",
                        "A filter uses the race's public fields: " + publicList(publicFields)));
            }
        }
        return problems;
    }

    private static Optional<FieldProblem> merging(RaceRanking ranking, String at) {
        int minimum = ranking.minCategorySize() == null ? 0 : ranking.minCategorySize();
        if (minimum < 0 || minimum > 1000) {
            return Optional.of(new FieldProblem(at + ".minCategorySize", "range", "0 (never merge) to 1000"));
        }
        if (minimum > 0 && ranking.grouping() != Grouping.CATEGORY) {
            return Optional.of(new FieldProblem(at + ".minCategorySize", "category-grouping",
                    "Only a CATEGORY ranking merges small categories"));
        }
        boolean ordered = ranking.categoryMergeOrder() != null && !ranking.categoryMergeOrder().isEmpty();
        if ((minimum > 0) != ordered) {
            return Optional.of(new FieldProblem(at + ".categoryMergeOrder", "merge-order",
                    "Merging small categories needs both a minimum size and the order they merge in"));
        }
        return Optional.empty();
    }

    private static boolean isPublic(String field, Set<String> publicFields) {
        return field != null && (field.equals(NATIONALITY) || publicFields.contains(field));
    }

    private static String publicList(Set<String> publicFields) {
        List<String> names = new ArrayList<>(publicFields);
        names.add(NATIONALITY);
        return String.join(", ", names.stream().sorted().toList());
    }
}
