package dev.paddock.rankings;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Relay teams timed at handover mats. Leg n is run by the team's n-th member and ends when that member is read
 * at the leg's end point (a handover mat, the finish for the last leg); it starts at the previous handover (the
 * team's start for leg 1). The team's time is the last leg's finish minus the team's start, which is the sum of its
 * legs: a missed handover read leaves its two legs unknown but not the team's time. A team is ranked once its last
 * leg has finished, unless a member is DNF, DNS, DSQ or not classified, or the handover reads are out of leg order
 * (a leg run out of turn), which leaves the team not classified for the timing operator to review. Pure.
 */
public final class Relays {

    private Relays() {
    }

    /** A team's relay: its status (FINISHED when ranked), its time once finished, and its legs. */
    public record Relay(String teamId, Status status, Long time, List<Leg> legs) {
    }

    /**
     * Ranks the finished teams, each with its legs placed against every team's same leg.
     *
     * @param teams each team's members in leg order, by team id
     * @param ends  where each leg ends, by entrants' time keys: the handover points, then {@link Entrant#FINISH}
     */
    public static List<TeamPlacing> rank(TeamSpec spec, Map<String, List<Entrant>> teams, List<String> ends) {
        List<Relay> relays = new ArrayList<>();
        teams.forEach((team, members) -> relays.add(relay(team, members, ends, spec.clock())));
        List<Relay> placed = placeLegs(relays, ends.size(), spec.ties());
        List<TeamRankings.Scored> finished = new ArrayList<>();
        for (Relay relay : placed) {
            if (relay.status() == Status.FINISHED) {
                List<String> runners = relay.legs().stream().map(Leg::entrantId).toList();
                finished.add(new TeamRankings.Scored(relay.teamId(), relay.time(), runners, relay.legs()));
            }
        }
        return TeamRankings.place(finished, spec.ties());
    }

    /** One team's legs and status from its members' reads, on the given clock. */
    public static Relay relay(String teamId, List<Entrant> members, List<String> ends, Clock clock) {
        int count = ends.size();
        Long[] end = new Long[count];
        for (int n = 0; n < count && n < members.size(); n++) {
            end[n] = members.get(n).time(Clock.GUN, ends.get(n));
        }
        long start = clock == Clock.NET && !members.isEmpty() ? ownStart(members.getFirst()) : 0;
        Status status = status(members.subList(0, Math.min(count, members.size())), end);
        List<Leg> legs = new ArrayList<>(count);
        for (int n = 0; n < count; n++) {
            Long from = n == 0 ? Long.valueOf(start) : end[n - 1];
            Long time = end[n] != null && from != null && end[n] > from ? end[n] - from : null;
            legs.add(new Leg(n + 1, n < members.size() ? members.get(n).id() : null, time, null, false));
        }
        return new Relay(teamId, status, status == Status.FINISHED ? end[count - 1] - start : null, legs);
    }

    private static Status status(List<Entrant> runners, Long[] end) {
        for (Status worst : List.of(Status.DSQ, Status.NOT_CLASSIFIED, Status.DNF, Status.DNS)) {
            if (runners.stream().anyMatch(r -> r.status() == worst)) {
                return worst == Status.DNS ? Status.DNF : worst;
            }
        }
        Long previous = null;
        for (Long at : end) {
            if (at != null && previous != null && at <= previous) {
                return Status.NOT_CLASSIFIED;
            }
            previous = at != null ? at : previous;
        }
        return end.length > 0 && end[end.length - 1] != null && runners.size() == end.length ? Status.FINISHED : Status.RUNNING;
    }

    /** How long after the start signal the first runner crossed the start mat: what NET time leaves out. */
    private static long ownStart(Entrant first) {
        return first.gunTimes().entrySet().stream().filter(e -> first.netTimes().containsKey(e.getKey()))
                .mapToLong(e -> e.getValue() - first.netTimes().get(e.getKey())).findFirst().orElse(0);
    }

    /** Every leg's place among the teams that have its time; a disqualified team's legs are not placed. */
    private static List<Relay> placeLegs(List<Relay> relays, int count, TiePolicy ties) {
        List<List<Leg>> legs = new ArrayList<>();
        relays.forEach(r -> legs.add(new ArrayList<>(r.legs())));
        for (int n = 0; n < count; n++) {
            final int leg = n;
            List<Integer> timed = new ArrayList<>();
            for (int t = 0; t < relays.size(); t++) {
                if (relays.get(t).status() != Status.DSQ && legs.get(t).get(leg).time() != null) {
                    timed.add(t);
                }
            }
            timed.sort(Comparator.<Integer>comparingLong(t -> legs.get(t).get(leg).time())
                    .thenComparing(t -> relays.get(t).teamId()));
            for (int i = 0; i < timed.size(); i++) {
                Leg current = legs.get(timed.get(i)).get(leg);
                boolean tiedBefore = i > 0 && legs.get(timed.get(i - 1)).get(leg).time().equals(current.time());
                boolean tiedAfter = i + 1 < timed.size() && legs.get(timed.get(i + 1)).get(leg).time().equals(current.time());
                int place = ties == TiePolicy.SHARED && tiedBefore ? legs.get(timed.get(i - 1)).get(leg).place() : i + 1;
                legs.get(timed.get(i)).set(leg, new Leg(current.leg(), current.entrantId(), current.time(), place,
                        tiedBefore || tiedAfter));
            }
        }
        List<Relay> placed = new ArrayList<>();
        for (int t = 0; t < relays.size(); t++) {
            Relay r = relays.get(t);
            placed.add(new Relay(r.teamId(), r.status(), r.time(), legs.get(t)));
        }
        return placed;
    }
}
