package dev.paddock.events.registration;

import java.util.List;

/**
 * Who of a batch of registrations for one race gets its free places: the entries in order of arrival, each
 * taking the next place while places last; an entry refused on the way (its wallet could not pay) takes none,
 * so its place goes to the next one. Past the places, an entry joins the waitlist if it asked to, else it is
 * told the race is full. Refusing an entry only ever moves places to later entries, so an entry seated once
 * stays seated whatever is refused after it.
 */
final class Seating {

    enum Seat {
        /** Gets a place (and pays for it). */
        PLACE,
        /** No place left: on the waitlist. */
        WAITLIST,
        /** No place left and no waitlist wanted: 409 race-full. */
        FULL,
        /** Refused on the way: no place, nothing written. */
        REFUSED
    }

    /** One entry of the batch, in arrival order. */
    record Claim(boolean waitlist, boolean refused) {
    }

    private Seating() {
    }

    static Seat[] seat(int freePlaces, List<Claim> claims) {
        if (freePlaces < 0) {
            throw new IllegalArgumentException("Free places are not negative");
        }
        Seat[] seats = new Seat[claims.size()];
        int left = freePlaces;
        for (int i = 0; i < seats.length; i++) {
            Claim claim = claims.get(i);
            if (claim.refused()) {
                seats[i] = Seat.REFUSED;
            } else if (left > 0) {
                seats[i] = Seat.PLACE;
                left--;
            } else {
                seats[i] = claim.waitlist() ? Seat.WAITLIST : Seat.FULL;
            }
        }
        return seats;
    }
}
