package dev.paddock.rankings;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Ranks teams from their members' results. Pure and deterministic. */
public final class TeamRankings {

    private TeamRankings() {
    }

    /**
     * Ranks the teams that can be scored; a team that cannot (too few finishers, a member or leg missing)
     * is left out. {@code teamSizes} gives each team's registered number of members (legs), which
     * ALL_TOGETHER and LEGS require to have finished.
     */
    public static List<TeamPlacing> rank(TeamSpec spec, List<Entrant> entrants, Map<String, Integer> teamSizes) {
        Map<String, List<Entrant>> teams = new TreeMap<>();
        for (Entrant entrant : entrants) {
            if (entrant.teamId() != null) {
                teams.computeIfAbsent(entrant.teamId(), t -> new ArrayList<>()).add(entrant);
            }
        }
        List<Scored> scored = new ArrayList<>();
        teams.forEach((team, members) -> score(spec, team, members, teamSizes.getOrDefault(team, members.size()))
                .ifPresent(scored::add));
        return place(scored, spec.ties());
    }

    /** Places scored teams: the fastest first, then by team id; equal times as the tie policy says. */
    static List<TeamPlacing> place(List<Scored> scored, TiePolicy ties) {
        List<Scored> sorted = new ArrayList<>(scored);
        sorted.sort(Comparator.comparingLong(Scored::time).thenComparing(Scored::teamId));
        List<TeamPlacing> placings = new ArrayList<>(sorted.size());
        for (int i = 0; i < sorted.size(); i++) {
            Scored team = sorted.get(i);
            boolean tiedWithPrevious = i > 0 && sorted.get(i - 1).time == team.time;
            boolean tiedWithNext = i + 1 < sorted.size() && sorted.get(i + 1).time == team.time;
            int place = ties == TiePolicy.SHARED && tiedWithPrevious ? placings.get(i - 1).place() : i + 1;
            placings.add(new TeamPlacing(team.teamId, place, tiedWithPrevious || tiedWithNext, team.time, team.counted,
                    team.legs));
        }
        return placings;
    }

    /** Team id → placing, for lookups. */
    public static Map<String, TeamPlacing> byTeam(List<TeamPlacing> placings) {
        Map<String, TeamPlacing> byTeam = new LinkedHashMap<>();
        placings.forEach(p -> byTeam.put(p.teamId(), p));
        return byTeam;
    }

    private static java.util.Optional<Scored> score(TeamSpec spec, String team, List<Entrant> members, int size) {
        List<Entrant> finishers = members.stream()
                .filter(m -> m.status() == Status.FINISHED && m.time(spec.clock(), Entrant.FINISH) != null)
                .sorted(Comparator.comparingLong((Entrant m) -> m.time(spec.clock(), Entrant.FINISH))
                        .thenComparing(Entrant::id))
                .toList();
        return switch (spec.scoring()) {
            case BEST_OF -> finishers.size() < spec.counting() ? java.util.Optional.empty()
                    : java.util.Optional.of(sum(team, finishers.subList(0, spec.counting()), spec.clock()));
            case LEGS -> finishers.size() < size ? java.util.Optional.empty()
                    : java.util.Optional.of(sum(team, finishers, spec.clock()));
            case ALL_TOGETHER -> finishers.size() < size ? java.util.Optional.empty()
                    : java.util.Optional.of(new Scored(team, finishers.getLast().time(spec.clock(), Entrant.FINISH),
                            ids(finishers), List.of()));
        };
    }

    private static Scored sum(String team, List<Entrant> counted, Clock clock) {
        long total = counted.stream().mapToLong(m -> m.time(clock, Entrant.FINISH)).sum();
        return new Scored(team, total, ids(counted), List.of());
    }

    private static List<String> ids(List<Entrant> members) {
        return members.stream().map(Entrant::id).toList();
    }

    /** A team's time; a relay's legs, else none. */
    record Scored(String teamId, long time, List<String> counted, List<Leg> legs) {
    }
}
