package dev.paddock.events.registration;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** One price of a race for a date window [startsAt, endsAt): early bird, regular, late. */
record PriceTier(String name, Instant startsAt, Instant endsAt, long priceCents) {

    /**
     * The tier that prices a place paid at {@code moment}: the one whose window holds it; before the first
     * window the first tier, after the last the last one (a race stays payable while its registration is
     * open, even if the organizer's windows leave a gap at an end). Empty for a race without tiers: it is free.
     */
    static Optional<PriceTier> at(List<PriceTier> tiers, Instant moment) {
        // one pass, in the order of the windows' starts (ties: the list's order), without sorting a copy: this runs
        // for every registration of an opening rush
        PriceTier holding = null;
        PriceTier first = null;
        PriceTier before = null;
        for (PriceTier tier : tiers) {
            Instant start = tier.startsAt();
            if (!moment.isBefore(start) && moment.isBefore(tier.endsAt())
                    && (holding == null || start.isBefore(holding.startsAt()))) {
                holding = tier;
            }
            if (first == null || start.isBefore(first.startsAt())) {
                first = tier;
            }
            if (!start.isAfter(moment) && (before == null || !start.isBefore(before.startsAt()))) {
                before = tier;
            }
        }
        return Optional.ofNullable(holding != null ? holding : before != null ? before : first);
    }

    static long priceAt(List<PriceTier> tiers, Instant moment) {
        return at(tiers, moment).map(PriceTier::priceCents).orElse(0L);
    }
}
