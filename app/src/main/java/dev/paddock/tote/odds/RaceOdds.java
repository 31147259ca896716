package dev.paddock.tote.odds;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A race's probable dividends per 1 EUR, in cents, from the online pools' live totals. A runner or pair
 * nobody backed is absent.
 *
 * @param at when they were computed
 */
public record RaceOdds(UUID raceId, Instant at, List<Win> win, List<Place> place, List<Couple> couple) {

    public record Win(int runner, long dividend) {
    }

    /** Depends on which others place with the runner: between min and max. */
    public record Place(int runner, long min, long max) {
    }

    public record Couple(int first, int second, long dividend) {
    }

    boolean sameOdds(RaceOdds other) {
        return other != null && win.equals(other.win) && place.equals(other.place) && couple.equals(other.couple);
    }
}
