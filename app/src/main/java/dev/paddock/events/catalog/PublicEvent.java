package dev.paddock.events.catalog;

import dev.paddock.events.fields.FieldDefinition;
import dev.paddock.events.rules.RegistrationWindow;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The public view of an event ({@code GET /api/events/{slug}}). It carries no time of its own, so two
 * snapshots of an unchanged event have the same bytes and ETag.
 */
public record PublicEvent(UUID id, String slug, String name, String sport, String description, String venue, String region,
        String country, String zone, LocalDate startsOn, LocalDate endsOn, String status, List<PublicRace> races) {

    /**
     * @param remaining     free places (may lag by the snapshot's age)
     * @param priceCents    the price now, or null when no tier is in force
     * @param nextPriceTier the tier that follows, or null
     */
    public record PublicRace(UUID id, String code, String name, int distanceM, int elevationGainM, Instant startsAt,
            int capacity, int remaining, RegistrationWindow.State registration, Instant registrationOpensAt,
            Instant registrationClosesAt, String mode, Long priceCents, String priceTier, TierView nextPriceTier,
            Integer minAge, Integer maxAge, Team team, List<FieldDefinition> fields) {

        public boolean teamRace() {
            return team != null;
        }
    }

    public record TierView(String name, Instant startsAt, long priceCents) {
    }

    java.util.Optional<PublicRace> race(String code) {
        return races.stream().filter(r -> r.code().equals(code)).findFirst();
    }

    static PublicEvent of(StoredEvent event, List<StoredRace> races, Map<UUID, Integer> free, Instant now) {
        EventDetails d = event.details();
        return new PublicEvent(event.id(), event.slug(), d.name(), d.sport().name(), d.description(), d.venue(),
                d.region(), d.country(), d.zone().getId(), d.startsOn(), d.endsOn(), event.status().name(),
                races.stream().map(race -> race(race, free.getOrDefault(race.id(), 0), now)).toList());
    }

    private static PublicRace race(StoredRace race, int free, Instant now) {
        RaceSettings s = race.settings();
        var tier = PriceTiers.at(race.priceTiers(), now);
        var next = PriceTiers.next(race.priceTiers(), now)
                .map(t -> new TierView(t.name(), t.startsAt(), t.priceCents())).orElse(null);
        return new PublicRace(race.id(), s.code(), s.name(), s.distanceM(), s.elevationGainM(), s.startsAt(),
                race.capacity(), free, race.registrationAt(now), s.registrationOpensAt(), s.registrationClosesAt(),
                s.mode().name(), tier.map(PriceTier::priceCents).orElse(null), tier.map(PriceTier::name).orElse(null),
                next, s.minAge(), s.maxAge(), s.team(), race.fields());
    }
}
