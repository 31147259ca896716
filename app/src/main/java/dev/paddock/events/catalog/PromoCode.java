package dev.paddock.events.catalog;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A promo code of an event as the organizer defines it.
 *
 * @param kind       AMOUNT ({@code valueCents} off each place) or PERCENT ({@code percent} off)
 * @param raceIds    the races it applies to, or null for every race of the event
 * @param validUntil the last moment it may be used, or null
 * @param maxUses    how many places it may discount in all, or null for no limit
 */
record PromoCode(String code, Kind kind, Long valueCents, Integer percent, List<UUID> raceIds, Instant validUntil,
        Integer maxUses, boolean firstTimeOnly) {

    enum Kind {
        AMOUNT, PERCENT
    }
}
