package dev.paddock.rankings;

import java.util.List;

/**
 * A team's place.
 *
 * @param counted the members whose times make the team's time, fastest first
 */
public record TeamPlacing(String teamId, int place, boolean tied, long time, List<String> counted) {

    public TeamPlacing {
        counted = List.copyOf(counted);
    }
}
