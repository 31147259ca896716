package dev.paddock.events.catalog;

import dev.paddock.events.rules.AgeCategory;
import dev.paddock.shared.ProblemException.FieldProblem;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The checks across a race's settings that single-field validation cannot make. Pure. */
final class RaceRules {

    private RaceRules() {
    }

    /** Problems named as the client sent them ({@code registrationClosesAt}, {@code team.maxSize}...). */
    static List<FieldProblem> problems(RaceSettings race, LocalDate eventStartsOn, LocalDate eventEndsOn, ZoneId zone) {
        List<FieldProblem> problems = new ArrayList<>();
        if (!race.registrationClosesAt().isAfter(race.registrationOpensAt())) {
            problems.add(new FieldProblem("registrationClosesAt", "range", "Registration closes after it opens"));
        } else if (race.registrationClosesAt().isAfter(race.startsAt())) {
            problems.add(new FieldProblem("registrationClosesAt", "after-start",
                    "Registration closes at the latest when the race starts"));
        }
        LocalDate raceDay = LocalDate.ofInstant(race.startsAt(), zone);
        if (raceDay.isBefore(eventStartsOn) || raceDay.isAfter(eventEndsOn)) {
            problems.add(new FieldProblem("startsAt", "outside-event",
                    "The race starts between the event's first and last day (" + eventStartsOn + " to " + eventEndsOn
                            + ", " + zone + ")"));
        }
        if (race.minAge() != null && race.maxAge() != null && race.minAge() > race.maxAge()) {
            problems.add(new FieldProblem("maxAge", "range", "maxAge is not below minAge"));
        }
        Team team = race.team();
        if (team != null) {
            if (team.minSize() < 1 || team.minSize() > 50) {
                problems.add(new FieldProblem("team.minSize", "range", "A team has 1 to 50 members"));
            }
            if (team.maxSize() < team.minSize() || team.maxSize() > 50) {
                problems.add(new FieldProblem("team.maxSize", "range", "maxSize is between minSize and 50"));
            }
            if (team.substitutes() < 0 || team.substitutes() > 10) {
                problems.add(new FieldProblem("team.substitutes", "range", "0 to 10 substitutes"));
            }
            if (team.genderRule() == Team.GenderRule.MIXED && team.maxSize() < 2) {
                problems.add(new FieldProblem("team.genderRule", "mixed-needs-two",
                        "A mixed team has room for at least two members"));
            }
        }
        Set<String> codes = new HashSet<>();
        List<AgeCategory> categories = race.categories();
        for (int i = 0; i < categories.size(); i++) {
            if (!codes.add(categories.get(i).code())) {
                problems.add(new FieldProblem("categories[" + i + "].code", "duplicate",
                        "Two categories have the code " + categories.get(i).code()));
            }
        }
        return List.copyOf(problems);
    }
}
