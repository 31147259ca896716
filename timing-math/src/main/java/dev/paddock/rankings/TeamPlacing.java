package dev.paddock.rankings;

import java.util.List;

/**
 * A team's place.
 *
 * @param counted the members whose times make the team's time, fastest first (a relay: in leg order)
 * @param legs    a relay timed at handover mats: each leg's runner, time and place; else empty
 */
public record TeamPlacing(String teamId, int place, boolean tied, long time, List<String> counted, List<Leg> legs) {

    public TeamPlacing(String teamId, int place, boolean tied, long time, List<String> counted) {
        this(teamId, place, tied, time, counted, List.of());
    }

    public TeamPlacing {
        counted = List.copyOf(counted);
        legs = List.copyOf(legs);
    }
}
