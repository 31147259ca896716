package dev.paddock.rankings;

import java.util.Map;

/**
 * One athlete as rankings see them: who they are, their status, and their times at each timing point.
 *
 * @param id             stable id (the registration)
 * @param bib            the bib as shown, used as the last tie-break
 * @param gender         "F", "M" or "X"
 * @param category       their age category code (e.g. "M40"), or null
 * @param teamId         their team or relay team, or null
 * @param fields         public custom fields (club, nationality...) a ranking may filter or group on
 * @param laps           laps completed, for lap races; 0 otherwise
 * @param finishSequence the order they crossed the finish line (1 = first), for FINISH_ORDER ties; 0 if unknown
 * @param gunTimes       milliseconds from the (wave) start signal, by timing point code
 * @param netTimes       milliseconds from the athlete's own start crossing, by timing point code
 */
public record Entrant(String id, String bib, String gender, String category, String teamId,
        Map<String, String> fields, Status status, int laps, long finishSequence,
        Map<String, Long> gunTimes, Map<String, Long> netTimes) {

    /** The timing point code of the finish line. */
    public static final String FINISH = "finish";

    public Entrant {
        if (id == null || status == null) {
            throw new IllegalArgumentException("An entrant has an id and a status");
        }
        fields = fields == null ? Map.of() : Map.copyOf(fields);
        gunTimes = gunTimes == null ? Map.of() : Map.copyOf(gunTimes);
        netTimes = netTimes == null ? Map.of() : Map.copyOf(netTimes);
    }

    /** A finisher with only a finish time, as most published results give. */
    public static Entrant finisher(String id, String gender, String category, long gunMillis, long netMillis) {
        return new Entrant(id, id, gender, category, null, Map.of(), Status.FINISHED, 0, 0,
                Map.of(FINISH, gunMillis), Map.of(FINISH, netMillis));
    }

    /** The time at a point on a clock, or null if none was recorded. */
    public Long time(Clock clock, String point) {
        return (clock == Clock.GUN ? gunTimes : netTimes).get(point);
    }
}
