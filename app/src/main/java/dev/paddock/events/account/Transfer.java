package dev.paddock.events.account;

import dev.paddock.events.PlaceFreed;
import dev.paddock.events.RegistrationTransferred;
import dev.paddock.events.places.Places;
import dev.paddock.events.rules.RegistrationWindow;
import dev.paddock.shared.ProblemException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import dev.paddock.shared.ProblemException.FieldProblem;
import java.util.LinkedHashMap;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A paid registration moves to another race of its event that takes registrations now, keeping its person and
 * answers: the place moves ({@link Places#move}), the athlete pays the difference up to the target race's current
 * price (an order of its own) or gets the difference back, and the old bib is dropped (bibs belong to a race's
 * range). The athlete must be allowed in the target race (age limits: 400 naming {@code toRaceId}) and the answers,
 * those sent with the transfer or else the ones kept, must meet its fields (400 naming {@code answers.<key>}).
 * A team member cannot transfer alone. The same {@code requestId} again returns the change already made.
 */
@Service
class Transfer {

    private final Registrations registrations;
    private final Races races;
    private final Places places;
    private final Payments payments;
    private final History history;
    private final MyEvents views;
    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final JsonMapper json;

    Transfer(Registrations registrations, Races races, Places places, Payments payments, History history,
            MyEvents views, ApplicationEventPublisher events, JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.json = json;
        this.registrations = registrations;
        this.races = races;
        this.places = places;
        this.payments = payments;
        this.history = history;
        this.views = views;
        this.events = events;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    Change transfer(UUID actor, UUID registrationId, String requestId, UUID toRaceId, JsonNode answers,
            Payments.Method method) {
        Registration registration = registrations.lockOwned(actor, registrationId);
        var done = history.byRequest(registrationId, "TRANSFERRED", requestId);
        if (done.isPresent()) {
            Map<String, Object> details = done.get().details();
            if (!toRaceId.toString().equals(details.get("toRaceId"))) {
                throw reused(requestId);
            }
            return new Change(views.registration(registrationId).orElseThrow(), "TRANSFERRED",
                    ((Number) details.get("chargedCents")).longValue(), ((Number) details.get("refundedCents")).longValue(),
                    true);
        }
        if (!"CONFIRMED".equals(registration.status())) {
            throw refused("not-transferable", "Only a paid registration can move to another race.");
        }
        if (registration.teamId() != null) {
            throw refused("team-transfer", "A team member cannot move to another race alone.");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Races.Race target = races.race(toRaceId).filter(race -> race.eventId().equals(registration.eventId()))
                .orElseThrow(() -> ProblemException.field("toRaceId", "unknown", "No race " + toRaceId + " in this event."));
        if (target.id().equals(registration.raceId())) {
            throw ProblemException.field("toRaceId", "same-race", "The registration is already in this race.");
        }
        if (target.team() || !"FIRST_COME".equals(target.mode())) {
            throw ProblemException.field("toRaceId", "not-open-to-transfers",
                    "Transfers go to individual first-come races only.");
        }
        if (target.window(now) != RegistrationWindow.State.OPEN) {
            throw refused("registration-closed", "Race " + target.code() + " does not take registrations now.");
        }
        JsonNode kept = answers != null ? answers : json.readTree(registration.answers());
        List<FieldProblem> problems = races.entryRules(toRaceId).problems("toRaceId", registration.birthDate(), "answers", kept);
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        long targetPrice = races.priceAt(toRaceId, now).orElseThrow(() ->
                refused("no-price", "Race " + target.code() + " has no price now."));
        if (!places.move(registrationId, toRaceId)) {
            throw refused("race-full", "Race " + target.code() + " is full.");
        }
        TransferPrice price = new TransferPrice(registration.priceCents(), targetPrice);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("requestId", requestId);
        details.put("fromRaceId", registration.raceId().toString());
        details.put("toRaceId", toRaceId.toString());
        details.put("paidCents", registration.priceCents());
        details.put("targetPriceCents", targetPrice);
        details.put("chargedCents", price.toPayCents());
        details.put("refundedCents", price.toRefundCents());
        details.put("previousBib", registration.bib());
        if (price.toPayCents() > 0) {
            UUID orderId = payments.charge(actor, registration.eventId(), "transfer:" + registrationId + ":" + requestId,
                    price.toPayCents(), method, now);
            details.put("orderId", orderId.toString());
        }
        if (price.toRefundCents() > 0) {
            var movement = payments.refund(registration, price.toRefundCents(),
                    "transfer:" + registrationId + ":" + requestId);
            details.put("movementId", movement.movementId().toString());
        }
        jdbc.sql("""
                        update events.registrations set race_id = :race, price_cents = :price, bib = null,
                            answers = cast(:answers as jsonb), version = version + 1
                        where id = :id""")
                .param("race", toRaceId).param("price", targetPrice).param("answers", json.writeValueAsString(kept))
                .param("id", registrationId).update();
        history.add(registrationId, now, "TRANSFERRED", actor, details);
        events.publishEvent(new RegistrationTransferred(registrationId, registration.raceId(), toRaceId,
                registration.eventId(), now));
        events.publishEvent(new PlaceFreed(registration.raceId(), now));
        return new Change(views.registration(registrationId).orElseThrow(), "TRANSFERRED", price.toPayCents(),
                price.toRefundCents(), false);
    }

    static ProblemException reused(String requestId) {
        return refused("request-id-reused", "requestId " + requestId + " was already used for another change.");
    }

    static ProblemException refused(String slug, String detail) {
        return ProblemException.of(HttpStatus.CONFLICT, slug, detail);
    }
}
