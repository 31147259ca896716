package dev.paddock.events.account;

import dev.paddock.events.PlaceFreed;
import dev.paddock.events.RegistrationCancelled;
import dev.paddock.events.places.Places;
import dev.paddock.shared.ProblemException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An athlete (or whoever registered them) cancels a registration before the event's first race: a paid place is
 * refunded under the event's refund policy, the place is released, and {@link RegistrationCancelled} and
 * {@link PlaceFreed} are published, all in one transaction. Cancelling a cancelled registration again changes
 * nothing and moves no money (the refund's wallet key is the registration's).
 */
@Service
class Cancellation {

    private static final Set<String> CANCELLABLE = Set.of("CONFIRMED", "OFFERED", "WAITLISTED", "ENTERED");

    private final Registrations registrations;
    private final Races races;
    private final Places places;
    private final Payments payments;
    private final History history;
    private final MyEvents views;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Cancellation(Registrations registrations, Races races, Places places, Payments payments, History history,
            MyEvents views, ApplicationEventPublisher events, Clock clock) {
        this.registrations = registrations;
        this.races = races;
        this.places = places;
        this.payments = payments;
        this.history = history;
        this.views = views;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    Change cancel(UUID actor, UUID registrationId, String requestId) {
        Registration registration = registrations.lockOwned(actor, registrationId);
        if ("CANCELLED".equals(registration.status())) {
            return new Change(view(registrationId), "CANCELLED", 0, 0, true);
        }
        if (!CANCELLABLE.contains(registration.status())) {
            throw notCancellable("A registration " + registration.status() + " cannot be cancelled.");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Races.Event event = races.event(registration.eventId()).orElseThrow();
        if (event.firstStart() != null && !now.isBefore(event.firstStart())) {
            throw notCancellable("The event has started; registrations can no longer be cancelled.");
        }
        int percent = "CONFIRMED".equals(registration.status())
                ? event.refundPolicy().percentAt(now, event.firstStart(), event.zone()) : 0;
        long refund = RefundPolicy.refundCents(registration.priceCents(), percent);
        registrations.status(registrationId, "CANCELLED");
        boolean freed = registration.holdsPlace() && places.release(registrationId);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("requestId", requestId);
        details.put("previousStatus", registration.status());
        details.put("paidCents", registration.priceCents());
        details.put("percent", percent);
        details.put("refundCents", refund);
        history.add(registrationId, now, "CANCELLED", actor, details);
        if (refund > 0) {
            var movement = payments.refund(registration, refund, "cancel:" + registrationId);
            history.add(registrationId, now, "REFUNDED", actor, Map.of("requestId", requestId, "amountCents", refund,
                    "movementId", movement.movementId().toString(), "reason", "cancellation"));
        }
        events.publishEvent(new RegistrationCancelled(registrationId, registration.raceId(), registration.eventId(), now));
        if (freed) {
            events.publishEvent(new PlaceFreed(registration.raceId(), now));
        }
        return new Change(view(registrationId), "CANCELLED", 0, refund, false);
    }

    private MyEvents.RegistrationView view(UUID id) {
        return views.registration(id).orElseThrow();
    }

    static ProblemException notCancellable(String detail) {
        return ProblemException.of(HttpStatus.CONFLICT, "not-cancellable", detail);
    }
}
