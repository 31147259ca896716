package dev.paddock.events.catalog;

import dev.paddock.events.fields.FieldDefinition;
import dev.paddock.events.rules.AgeCategory;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The organizer API's answers: everything stored, with the versions edits must carry. */
final class OrganizerViews {

    private OrganizerViews() {
    }

    record EventView(UUID id, String slug, UUID organizerId, String status, long version, String name, String sport,
            String description, String venue, String region, String country, String zone, LocalDate startsOn,
            LocalDate endsOn, List<RefundStep> refundPolicy, Instant transferDeadline, long transferFeeCents,
            List<RaceView> races) {

        static EventView of(StoredEvent e, List<StoredRace> races, Instant now) {
            EventDetails d = e.details();
            return new EventView(e.id(), e.slug(), e.organizerId(), e.status().name(), e.version(), d.name(),
                    d.sport().name(), d.description(), d.venue(), d.region(), d.country(), d.zone().getId(),
                    d.startsOn(), d.endsOn(), d.refundPolicy(), d.transferDeadline(), d.transferFeeCents(),
                    races == null ? null : races.stream().map(r -> RaceView.of(r, now)).toList());
        }
    }

    /**
     * @param registration    the stored column (SCHEDULED, OPEN, CLOSED)
     * @param registrationNow what athletes see now (NOT_YET_OPEN, OPEN, CLOSED)
     */
    record RaceView(UUID id, UUID eventId, long version, String code, String name, int distanceM, int elevationGainM,
            Instant startsAt, int capacity, String mode, String registration, String registrationNow,
            Instant registrationOpensAt, Instant registrationClosesAt, Integer minAge, Integer maxAge,
            List<FieldDefinition> fields, List<PriceTier> priceTiers, Team team, String bibMode,
            int waitlistOfferHours, List<AgeCategory> categories, String ageBasis) {

        static RaceView of(StoredRace r, Instant now) {
            RaceSettings s = r.settings();
            return new RaceView(r.id(), r.eventId(), r.version(), s.code(), s.name(), s.distanceM(), s.elevationGainM(),
                    s.startsAt(), r.capacity(), s.mode().name(), r.registration().name(), r.registrationAt(now).name(),
                    s.registrationOpensAt(), s.registrationClosesAt(), s.minAge(), s.maxAge(), r.fields(),
                    r.priceTiers(), s.team(), s.bibMode().name(), s.waitlistOfferHours(), s.categories(),
                    s.ageBasis().name());
        }
    }

    record PromoCodeView(UUID id, String code, String kind, Long valueCents, Integer percent, List<UUID> raceIds,
            Instant validUntil, Integer maxUses, int uses, boolean firstTimeOnly) {

        static PromoCodeView of(PromoCodes.Stored s) {
            PromoCode p = s.promo();
            return new PromoCodeView(s.id(), p.code(), p.kind().name(), p.valueCents(), p.percent(), p.raceIds(),
                    p.validUntil(), p.maxUses(), s.uses(), p.firstTimeOnly());
        }
    }
}
