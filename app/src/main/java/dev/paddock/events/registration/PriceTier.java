package dev.paddock.events.registration;

import java.time.Instant;
import java.util.Comparator;
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
        List<PriceTier> sorted = tiers.stream().sorted(Comparator.comparing(PriceTier::startsAt)).toList();
        if (sorted.isEmpty()) {
            return Optional.empty();
        }
        PriceTier before = null;
        for (PriceTier tier : sorted) {
            if (!moment.isBefore(tier.startsAt()) && moment.isBefore(tier.endsAt())) {
                return Optional.of(tier);
            }
            if (!tier.startsAt().isAfter(moment)) {
                before = tier;
            }
        }
        return Optional.of(before == null ? sorted.getFirst() : before);
    }

    static long priceAt(List<PriceTier> tiers, Instant moment) {
        return at(tiers, moment).map(PriceTier::priceCents).orElse(0L);
    }
}
