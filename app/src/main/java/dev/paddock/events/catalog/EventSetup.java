package dev.paddock.events.catalog;

import dev.paddock.audit.AuditEntry;
import dev.paddock.audit.AuditLog;
import dev.paddock.events.fields.FieldDefinition;
import dev.paddock.events.fields.FieldDefinitions;
import dev.paddock.events.places.Places;
import dev.paddock.events.rules.RegistrationWindow;
import dev.paddock.shared.AfterCommit;
import dev.paddock.shared.ProblemException;
import dev.paddock.shared.ProblemException.FieldProblem;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How organizers set up events and races. Every method checks that the organizer owns the event (operators
 * and admins own all; someone else's event is a 404, as if it did not exist), locks the event row so edits
 * of one event serialize, and clears the public snapshot of the event once committed.
 */
@Service("catalogEventSetup")
@Transactional
class EventSetup {

    private final EventStore events;
    private final RaceStore races;
    private final PromoCodes promoCodes;
    private final Places places;
    private final AuditLog audit;
    private final EventSnapshots snapshots;
    private final Clock clock;

    EventSetup(EventStore events, RaceStore races, PromoCodes promoCodes, Places places, AuditLog audit,
            EventSnapshots snapshots, Clock clock) {
        this.events = events;
        this.races = races;
        this.promoCodes = promoCodes;
        this.places = places;
        this.audit = audit;
        this.snapshots = snapshots;
        this.clock = clock;
    }

    StoredEvent createEvent(Organizer organizer, String slug, EventDetails details) {
        datesProblems(details);
        ProblemException taken = ProblemException.field("slug", "taken", "Another event already has the address " + slug);
        if (Slugs.RESERVED.contains(slug)) {
            throw ProblemException.field("slug", "reserved", "'" + slug + "' is reserved for the site's own pages");
        }
        if (events.slugTaken(slug)) {
            throw taken;
        }
        UUID id = UUID.randomUUID();
        try {
            events.insert(id, slug, organizer.accountId(), details, clock.instant());
        } catch (DuplicateKeyException e) {
            // another request took the slug between the check and the insert
            throw taken;
        }
        return events.byId(id).orElseThrow();
    }

    StoredEvent editEvent(Organizer organizer, UUID eventId, long version, EventDetails details) {
        StoredEvent event = editable(organizer, eventId);
        datesProblems(details);
        if (!events.update(eventId, version, details)) {
            throw new OptimisticLockingFailureException("Event " + eventId + " is not at version " + version);
        }
        changed(event);
        return events.byId(eventId).orElseThrow();
    }

    @Transactional(readOnly = true)
    List<StoredEvent> eventsOf(Organizer organizer) {
        return events.of(organizer.seesAll() ? null : organizer.accountId());
    }

    @Transactional(readOnly = true)
    StoredEvent event(Organizer organizer, UUID eventId) {
        return events.byId(eventId).filter(organizer::owns).orElseThrow(EventSetup::notFound);
    }

    @Transactional(readOnly = true)
    List<StoredRace> races(Organizer organizer, UUID eventId) {
        event(organizer, eventId);
        return races.ofEvent(eventId);
    }

    StoredEvent publish(Organizer organizer, UUID eventId) {
        StoredEvent event = owned(organizer, eventId);
        if (event.status() != StoredEvent.Status.DRAFT) {
            throw ProblemException.of(HttpStatus.CONFLICT, "invalid-transition", "Only a draft event is published");
        }
        if (races.ofEvent(eventId).isEmpty()) {
            throw ProblemException.of(HttpStatus.CONFLICT, "no-races", "An event is published with at least one race");
        }
        events.setStatus(eventId, StoredEvent.Status.DRAFT, StoredEvent.Status.PUBLISHED);
        audited("EVENT_PUBLISHED", organizer, event, Map.of());
        changed(event);
        return events.byId(eventId).orElseThrow();
    }

    /** Cancels the event; its registrations are refunded by operators (back-office), not here. */
    StoredEvent cancel(Organizer organizer, UUID eventId) {
        StoredEvent event = owned(organizer, eventId);
        if (event.status() == StoredEvent.Status.CANCELLED) {
            throw ProblemException.of(HttpStatus.CONFLICT, "invalid-transition", "The event is already cancelled");
        }
        events.setStatus(eventId, event.status(), StoredEvent.Status.CANCELLED);
        audited("EVENT_CANCELLED", organizer, event, Map.of("was", event.status().name()));
        changed(event);
        return events.byId(eventId).orElseThrow();
    }

    StoredRace createRace(Organizer organizer, UUID eventId, RaceSettings settings, int capacity,
            List<FieldDefinition> fields, List<PriceTier> tiers) {
        StoredEvent event = editable(organizer, eventId);
        List<FieldProblem> problems = new ArrayList<>(RaceRules.problems(settings, event.details().startsOn(),
                event.details().endsOn(), event.details().zone()));
        problems.addAll(FieldDefinitions.problems("fields", fields));
        problems.addAll(PriceTiers.problems("priceTiers", tiers));
        if (races.ofEvent(eventId).stream().anyMatch(r -> r.settings().code().equals(settings.code()))) {
            problems.add(new FieldProblem("code", "taken", "The event already has a race " + settings.code()));
        }
        refuse(problems);
        UUID id = UUID.randomUUID();
        races.insert(id, eventId, settings, fields, clock.instant());
        races.setPriceTiers(id, tiers);
        places.resize(id, capacity);
        changed(event);
        return races.byId(id).orElseThrow();
    }

    StoredRace editRace(Organizer organizer, UUID raceId, long version, RaceSettings settings) {
        return onRace(organizer, raceId, (race, event) -> {
            refuse(RaceRules.problems(settings, event.details().startsOn(), event.details().endsOn(),
                    event.details().zone()));
            if (!races.update(raceId, version, settings)) {
                throw new OptimisticLockingFailureException("Race " + raceId + " is not at version " + version);
            }
        });
    }

    StoredRace setFields(Organizer organizer, UUID raceId, List<FieldDefinition> fields) {
        return onRace(organizer, raceId, (race, event) -> {
            refuse(FieldDefinitions.problems("", fields));
            races.setFields(raceId, fields);
        });
    }

    StoredRace setPriceTiers(Organizer organizer, UUID raceId, List<PriceTier> tiers) {
        return onRace(organizer, raceId, (race, event) -> {
            refuse(PriceTiers.problems("", tiers));
            races.setPriceTiers(raceId, tiers);
            races.touch(raceId);
        });
    }

    /** Sets the number of places; the result's capacity stays above the asked one when more places are held. */
    StoredRace setCapacity(Organizer organizer, UUID raceId, int capacity) {
        return onRace(organizer, raceId, (race, event) -> {
            int now = places.resize(raceId, capacity);
            races.touch(raceId);
            audited("RACE_CAPACITY_CHANGED", organizer, event, Map.of("raceId", raceId.toString(),
                    "from", race.capacity(), "asked", capacity, "to", now));
        });
    }

    StoredRace setRegistration(Organizer organizer, UUID raceId, RegistrationWindow.Stored registration) {
        return onRace(organizer, raceId, (race, event) -> {
            races.setRegistration(raceId, registration);
            audited(registration == RegistrationWindow.Stored.OPEN ? "RACE_REGISTRATION_OPENED"
                    : "RACE_REGISTRATION_CLOSED", organizer, event, Map.of("raceId", raceId.toString()));
        });
    }

    /** A change of one race of an editable event of the organizer; answers the race as changed. */
    private StoredRace onRace(Organizer organizer, UUID raceId, BiConsumer<StoredRace, StoredEvent> change) {
        StoredRace race = race(raceId);
        StoredEvent event = editable(organizer, race.eventId());
        change.accept(race, event);
        changed(event);
        return races.byId(raceId).orElseThrow();
    }

    PromoCodes.Stored addPromoCode(Organizer organizer, UUID eventId, PromoCode promo) {
        StoredEvent event = editable(organizer, eventId);
        Set<UUID> raceIds = races.ofEvent(eventId).stream().map(StoredRace::id).collect(Collectors.toSet());
        refuse(PromoCodeRules.problems(promo, raceIds, clock.instant()));
        UUID id = UUID.randomUUID();
        if (!promoCodes.insert(id, eventId, promo, clock.instant())) {
            throw ProblemException.field("code", "taken", "The event already has the code " + promo.code());
        }
        changed(event);
        return promoCodes.ofEvent(eventId).stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
    }

    @Transactional(readOnly = true)
    List<PromoCodes.Stored> promoCodes(Organizer organizer, UUID eventId) {
        event(organizer, eventId);
        return promoCodes.ofEvent(eventId);
    }

    /** The race if its event is the organizer's. */
    @Transactional(readOnly = true)
    StoredRace race(Organizer organizer, UUID raceId) {
        StoredRace race = race(raceId);
        event(organizer, race.eventId());
        return race;
    }

    private StoredRace race(UUID raceId) {
        return races.byId(raceId).orElseThrow(EventSetup::notFound);
    }

    private StoredEvent owned(Organizer organizer, UUID eventId) {
        return events.lock(eventId).filter(organizer::owns).orElseThrow(EventSetup::notFound);
    }

    private StoredEvent editable(Organizer organizer, UUID eventId) {
        StoredEvent event = owned(organizer, eventId);
        if (event.status() == StoredEvent.Status.CANCELLED) {
            throw ProblemException.of(HttpStatus.CONFLICT, "event-cancelled", "A cancelled event is not edited");
        }
        return event;
    }

    private void changed(StoredEvent event) {
        AfterCommit.run(() -> snapshots.forget(event.slug()));
    }

    private void audited(String type, Organizer organizer, StoredEvent event, Map<String, Object> more) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("eventId", event.id().toString());
        details.put("slug", event.slug());
        details.putAll(more);
        audit.record(new AuditEntry(type, organizer.accountId(), event.organizerId(), null, details));
    }

    private static void datesProblems(EventDetails details) {
        if (details.endsOn().isBefore(details.startsOn())) {
            throw ProblemException.field("endsOn", "range", "An event ends on or after the day it starts");
        }
        List<RefundStep> steps = details.refundPolicy();
        List<FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).daysBefore() < 0 || steps.get(i).daysBefore() > 3650) {
                problems.add(new FieldProblem("refundPolicy[" + i + "].daysBefore", "range", "0 to 3650 days"));
            }
            if (steps.get(i).percent() < 0 || steps.get(i).percent() > 100) {
                problems.add(new FieldProblem("refundPolicy[" + i + "].percent", "range", "0 to 100 percent"));
            }
        }
        refuse(problems);
    }

    private static void refuse(List<FieldProblem> problems) {
        if (!problems.isEmpty()) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "validation", problems.getFirst().message(), problems);
        }
    }

    private static ProblemException notFound() {
        return ProblemException.of(HttpStatus.NOT_FOUND, "not-found", "No such event or race among yours");
    }
}
