package dev.paddock.events.account;

import dev.paddock.audit.AuditEntry;
import dev.paddock.audit.AuditLog;
import dev.paddock.events.PlaceFreed;
import dev.paddock.events.RegistrationTransferred;
import dev.paddock.events.places.Places;
import dev.paddock.shared.ProblemException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Support actions of operators on a registration, each with a required reason, kept in the registration's history and
 * in the audit log in the same transaction: a refund of any amount up to what the registration has paid (the
 * registration's {@code price_cents}, what it has paid net, goes down by it), and a move to another race of the event
 * that ignores prices and registration windows but never capacity. The same {@code requestId} again does nothing more.
 */
@Service
@PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN')")
class OperatorDesk {

    private final Registrations registrations;
    private final Races races;
    private final Places places;
    private final Payments payments;
    private final History history;
    private final MyEvents views;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;
    private final Clock clock;

    OperatorDesk(Registrations registrations, Races races, Places places, Payments payments, History history,
            MyEvents views, AuditLog audit, ApplicationEventPublisher events, JdbcClient jdbc, Clock clock) {
        this.registrations = registrations;
        this.races = races;
        this.places = places;
        this.payments = payments;
        this.history = history;
        this.views = views;
        this.audit = audit;
        this.events = events;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    Change refund(UUID operator, String ip, UUID registrationId, String requestId, long amountCents, String reason) {
        Registration registration = registrations.lock(registrationId).orElseThrow(() -> Registrations.notFound(registrationId));
        var done = history.byRequest(registrationId, "REFUNDED_BY_OPERATOR", requestId);
        if (done.isPresent()) {
            if (((Number) done.get().details().get("amountCents")).longValue() != amountCents) {
                throw Transfer.reused(requestId);
            }
            return new Change(views.registration(registrationId).orElseThrow(), "REFUNDED_BY_OPERATOR", 0, amountCents, true);
        }
        if (amountCents > registration.priceCents()) {
            throw ProblemException.field("amountCents", "max",
                    "At most " + registration.priceCents() + " cents are left to refund on this registration.");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        var movement = payments.refund(registration, amountCents, "ops:" + registrationId + ":" + requestId);
        jdbc.sql("update events.registrations set price_cents = price_cents - :amount, version = version + 1 where id = :id")
                .param("amount", amountCents).param("id", registrationId).update();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("requestId", requestId);
        details.put("amountCents", amountCents);
        details.put("reason", reason);
        details.put("movementId", movement.movementId().toString());
        history.add(registrationId, now, "REFUNDED_BY_OPERATOR", operator, details);
        details.put("registrationId", registrationId.toString());
        audit.record(new AuditEntry("EVENTS_REGISTRATION_REFUNDED", operator, registration.buyerAccountId(), ip, details));
        return new Change(views.registration(registrationId).orElseThrow(), "REFUNDED_BY_OPERATOR", 0, amountCents, false);
    }

    @Transactional
    Change move(UUID operator, String ip, UUID registrationId, String requestId, UUID toRaceId, String reason) {
        Registration registration = registrations.lock(registrationId).orElseThrow(() -> Registrations.notFound(registrationId));
        var done = history.byRequest(registrationId, "MOVED_BY_OPERATOR", requestId);
        if (done.isPresent()) {
            if (!toRaceId.toString().equals(done.get().details().get("toRaceId"))) {
                throw Transfer.reused(requestId);
            }
            return new Change(views.registration(registrationId).orElseThrow(), "MOVED_BY_OPERATOR", 0, 0, true);
        }
        if (!registration.holdsPlace()) {
            throw Transfer.refused("not-movable", "Only a registration holding a place (CONFIRMED, OFFERED) can be moved.");
        }
        races.race(toRaceId).filter(race -> race.eventId().equals(registration.eventId()))
                .filter(race -> !race.id().equals(registration.raceId()))
                .orElseThrow(() -> ProblemException.field("toRaceId", "unknown", "No other race " + toRaceId + " in this event."));
        if (!places.move(registrationId, toRaceId)) {
            throw Transfer.refused("race-full", "The target race is full.");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        jdbc.sql("update events.registrations set race_id = :race, bib = null, version = version + 1 where id = :id")
                .param("race", toRaceId).param("id", registrationId).update();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("requestId", requestId);
        details.put("fromRaceId", registration.raceId().toString());
        details.put("toRaceId", toRaceId.toString());
        details.put("previousBib", registration.bib());
        details.put("reason", reason);
        history.add(registrationId, now, "MOVED_BY_OPERATOR", operator, details);
        details.put("registrationId", registrationId.toString());
        audit.record(new AuditEntry("EVENTS_REGISTRATION_MOVED", operator, registration.buyerAccountId(), ip, details));
        events.publishEvent(new RegistrationTransferred(registrationId, registration.raceId(), toRaceId,
                registration.eventId(), now));
        events.publishEvent(new PlaceFreed(registration.raceId(), now));
        return new Change(views.registration(registrationId).orElseThrow(), "MOVED_BY_OPERATOR", 0, 0, false);
    }
}
