package dev.paddock.events.catalog;

import java.time.Instant;

/** One price of a race for payments made in {@code [startsAt, endsAt)}: early bird, regular, late. */
record PriceTier(String name, Instant startsAt, Instant endsAt, long priceCents) {

    boolean holds(Instant at) {
        return !at.isBefore(startsAt) && at.isBefore(endsAt);
    }
}
