package dev.paddock.events.registration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paddock.events.registration.TeamRules.GenderRule;
import dev.paddock.events.registration.TeamRules.Member;
import dev.paddock.events.registration.TeamRules.Role;
import dev.paddock.shared.ProblemException.FieldProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TeamRulesTest {

    private static final TeamRules PATROL = new TeamRules(3, 3, 1, GenderRule.ANY);
    private static final TeamRules RELAY = new TeamRules(2, 4, 0, GenderRule.MIXED);
    private static final TeamRules SAME = new TeamRules(2, 2, 1, GenderRule.SAME);

    /** "FMM+F": racing members F, M, M and a substitute F. */
    private static List<Member> team(String spec) {
        List<Member> members = new ArrayList<>();
        String[] parts = spec.split("\\+", -1);
        parts[0].chars().forEach(g -> members.add(new Member(Role.MEMBER, String.valueOf((char) g))));
        if (parts.length > 1) {
            parts[1].chars().forEach(g -> members.add(new Member(Role.SUBSTITUTE, String.valueOf((char) g))));
        }
        return members;
    }

    static Stream<Arguments> teams() {
        return Stream.of(
                Arguments.of(PATROL, "MMM", List.of()),
                Arguments.of(PATROL, "FMX+M", List.of()),
                Arguments.of(PATROL, "MM", List.of("team-size")),
                Arguments.of(PATROL, "MMMM", List.of("team-size")),
                Arguments.of(PATROL, "MMM+MM", List.of("substitutes")),
                Arguments.of(PATROL, "MM+MM", List.of("team-size", "substitutes")),
                Arguments.of(RELAY, "FM", List.of()),
                Arguments.of(RELAY, "FMMM", List.of()),
                Arguments.of(RELAY, "MMMM", List.of("gender-rule")),
                Arguments.of(RELAY, "FX", List.of("gender-rule")),
                Arguments.of(RELAY, "FMMMM", List.of("team-size")),
                Arguments.of(RELAY, "FM+F", List.of("substitutes")),
                Arguments.of(SAME, "FF+F", List.of()),
                Arguments.of(SAME, "FF+M", List.of()),
                Arguments.of(SAME, "FM", List.of("gender-rule")),
                Arguments.of(SAME, "F", List.of("team-size")));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("teams")
    void checksACompleteTeam(TeamRules rules, String spec, List<String> expected) {
        assertThat(rules.problems(team(spec))).extracting(FieldProblem::code).containsExactlyElementsOf(expected);
        assertThat(rules.problems(team(spec))).extracting(FieldProblem::field).allMatch("members"::equals);
    }

    static Stream<Arguments> joins() {
        return Stream.of(
                Arguments.of(PATROL, "MM", new Member(Role.MEMBER, "F"), List.of()),
                Arguments.of(PATROL, "MMM", new Member(Role.MEMBER, "F"), List.of("role:team-full")),
                Arguments.of(PATROL, "MMM", new Member(Role.SUBSTITUTE, "F"), List.of()),
                Arguments.of(PATROL, "M+M", new Member(Role.SUBSTITUTE, "F"), List.of("role:substitutes")),
                Arguments.of(RELAY, "M", new Member(Role.SUBSTITUTE, "F"), List.of("role:substitutes")),
                Arguments.of(RELAY, "MMM", new Member(Role.MEMBER, "M"), List.of()),
                Arguments.of(SAME, "F", new Member(Role.MEMBER, "M"), List.of("athlete.gender:gender-rule")),
                Arguments.of(SAME, "F", new Member(Role.MEMBER, "F"), List.of()),
                Arguments.of(SAME, "FF", new Member(Role.SUBSTITUTE, "M"), List.of()));
    }

    @ParameterizedTest(name = "{1} joined by {2}")
    @MethodSource("joins")
    void checksOneMoreMemberJoiningByCode(TeamRules rules, String spec, Member joining, List<String> expected) {
        assertThat(rules.joinProblems(team(spec), joining)).extracting(p -> p.field() + ":" + p.code())
                .containsExactlyElementsOf(expected);
    }
}
