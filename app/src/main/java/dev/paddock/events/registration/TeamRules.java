package dev.paddock.events.registration;

import dev.paddock.shared.ProblemException.FieldProblem;
import java.util.ArrayList;
import java.util.List;

/**
 * A team race's rules: {@code minSize..maxSize} racing members, up to {@code substitutes} more registered as
 * substitutes, and a gender rule over the racing members (MIXED: at least one woman and one man; SAME: all
 * of one gender; ANY). Pure.
 */
record TeamRules(int minSize, int maxSize, int substitutes, GenderRule genderRule) {

    enum GenderRule {
        ANY, MIXED, SAME
    }

    enum Role {
        MEMBER, SUBSTITUTE
    }

    record Member(Role role, String gender) {
    }

    /** What keeps a complete team (registered at once by its captain) from being registered. */
    List<FieldProblem> problems(List<Member> team) {
        List<FieldProblem> problems = new ArrayList<>();
        List<Member> racing = team.stream().filter(m -> m.role() == Role.MEMBER).toList();
        long subs = team.size() - racing.size();
        if (racing.size() < minSize || racing.size() > maxSize) {
            problems.add(new FieldProblem("members", "team-size", minSize == maxSize
                    ? "A team has exactly " + minSize + " racing members"
                    : "A team has " + minSize + " to " + maxSize + " racing members"));
        }
        if (subs > substitutes) {
            problems.add(new FieldProblem("members", "substitutes", substitutes == 0
                    ? "This race takes no substitutes" : "A team has at most " + substitutes + " substitutes"));
        }
        String genderProblem = genderProblem(racing);
        if (genderProblem != null) {
            problems.add(new FieldProblem("members", "gender-rule", genderProblem));
        }
        return problems;
    }

    /**
     * What keeps one more athlete from joining a team by its code: the team would exceed its racing size
     * or its substitutes, or break a SAME rule (a MIXED rule is the captain's to complete).
     */
    List<FieldProblem> joinProblems(List<Member> team, Member joining) {
        long racing = team.stream().filter(m -> m.role() == Role.MEMBER).count();
        long subs = team.size() - racing;
        if (joining.role() == Role.MEMBER && racing >= maxSize) {
            return List.of(new FieldProblem("role", "team-full", "The team already has its " + maxSize
                    + " racing members"));
        }
        if (joining.role() == Role.SUBSTITUTE && subs >= substitutes) {
            return List.of(new FieldProblem("role", "substitutes", "The team has no substitute place left"));
        }
        if (genderRule == GenderRule.SAME && joining.role() == Role.MEMBER && team.stream()
                .anyMatch(m -> m.role() == Role.MEMBER && !m.gender().equals(joining.gender()))) {
            return List.of(new FieldProblem("athlete.gender", "gender-rule", "All racing members of this team are "
                    + "of one gender"));
        }
        return List.of();
    }

    private String genderProblem(List<Member> racing) {
        return switch (genderRule) {
            case ANY -> null;
            case MIXED -> racing.stream().anyMatch(m -> "F".equals(m.gender()))
                    && racing.stream().anyMatch(m -> "M".equals(m.gender())) ? null
                    : "A mixed team has at least one woman and one man racing";
            case SAME -> racing.stream().map(Member::gender).distinct().count() <= 1 ? null
                    : "All racing members of a team are of one gender";
        };
    }
}
