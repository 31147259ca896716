package dev.paddock.events.registration;

import dev.paddock.shared.ProblemException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An organizer's promo code as it stood when read. {@link #discount} is the pure rule; the use itself is
 * counted by a conditional update in the order's transaction ({@link RegistrationStore#usePromo}), so
 * concurrent orders never exceed {@code maxUses}.
 *
 * @param raceIds null for every race of the event
 */
record PromoCode(UUID id, String code, Kind kind, Long valueCents, Integer percent, List<UUID> raceIds,
        Instant validUntil, Integer maxUses, int uses, boolean firstTimeOnly) {

    enum Kind {
        AMOUNT, PERCENT
    }

    /**
     * What the code takes off places of {@code raceId} priced {@code prices}, each place on its own: an
     * AMOUNT takes its value off each place (never below zero), a PERCENT its share of each price rounded
     * half up to the cent. Refused (400 on {@code promoCode}) when it expired, is not for this race, is used
     * up or is for first-time buyers only.
     */
    long discount(UUID raceId, List<Long> prices, Instant now, boolean firstTimeBuyer) {
        if (validUntil != null && !now.isBefore(validUntil)) {
            throw refused("expired", "This promo code expired");
        }
        if (raceIds != null && !raceIds.contains(raceId)) {
            throw refused("not-for-race", "This promo code is not valid for this race");
        }
        if (maxUses != null && uses >= maxUses) {
            throw usedUp();
        }
        if (firstTimeOnly && !firstTimeBuyer) {
            throw refused("first-time-only", "This promo code is for a first registration only");
        }
        long total = 0;
        for (long price : prices) {
            total += switch (kind) {
                case AMOUNT -> Math.min(valueCents, price);
                case PERCENT -> Math.min(price, (price * percent + 50) / 100);
            };
        }
        return total;
    }

    static ProblemException unknown() {
        return refused("unknown", "No such promo code for this event");
    }

    static ProblemException usedUp() {
        return refused("used-up", "This promo code has been used as many times as it may be");
    }

    private static ProblemException refused(String code, String message) {
        return ProblemException.field("promoCode", code, message);
    }
}
