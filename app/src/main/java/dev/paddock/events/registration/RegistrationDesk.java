package dev.paddock.events.registration;

import dev.paddock.events.RegistrationConfirmed;
import dev.paddock.events.places.Places;
import dev.paddock.events.rules.RegistrationWindow;
import dev.paddock.identity.AccountId;
import dev.paddock.identity.AccountSummary;
import dev.paddock.identity.Accounts;
import dev.paddock.shared.AfterCommit;
import dev.paddock.shared.ProblemException;
import dev.paddock.shared.ProblemException.FieldProblem;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Registering one athlete for a race: checks (athlete, answers, window), then one short transaction that
 * claims the requestId, counts the promo code, writes the order and the registration, claims a place,
 * debits the wallet, writes the history and publishes {@link RegistrationConfirmed}. A race found full sends
 * the athlete to its waitlist (or answers 409 race-full); a lottery race takes an entry and nothing is paid.
 */
@Service
class RegistrationDesk {

    private final RaceTermsCache races;
    private final RegistrationStore store;
    private final Checkout checkout;
    private final Places places;
    private final Accounts accounts;
    private final ApplicationEventPublisher events;
    private final ConfirmationMail mail;
    private final Clock clock;

    RegistrationDesk(RaceTermsCache races, RegistrationStore store, Checkout checkout, Places places,
            Accounts accounts, ApplicationEventPublisher events, ConfirmationMail mail, Clock clock) {
        this.races = races;
        this.store = store;
        this.checkout = checkout;
        this.places = places;
        this.accounts = accounts;
        this.events = events;
        this.mail = mail;
        this.clock = clock;
    }

    RegistrationAnswer register(AccountId buyer, UUID raceId, RegistrationRequests.Individual request) {
        RaceTerms race = openRace(raceId);
        Instant now = clock.instant();
        List<FieldProblem> problems = new ArrayList<>();
        Checkout.requestId(request.requestId(), problems);
        Athlete athlete = checkAthlete("athlete", request.athlete(), race, problems);
        problems.addAll(race.answers().problems("answers", request.answers()));
        Integer predicted = predictedSeconds(request.predictedTime(), problems);
        Checkout.payment("payment", request.payment(), problems);
        if (!problems.isEmpty()) {
            throw Checkout.invalid(problems);
        }
        if (race.team() != null) {
            throw ProblemException.of(HttpStatus.CONFLICT, "team-race",
                    "This is a team race: register a team (POST /api/events/races/" + raceId + "/teams).");
        }
        requireOpen(race, now);
        String fingerprint = checkout.fingerprint("individual", raceId, request);
        Optional<RegistrationAnswer> done = checkout.replay(buyer, request.requestId(), fingerprint);
        if (done.isPresent()) {
            return done.get();
        }
        UUID athleteAccount = accountOf(athlete.email());
        String answers = request.answers() == null || request.answers().isNull() ? "{}" : request.answers().toString();
        Entry entry = new Entry(race, buyer, athlete, athleteAccount, answers, predicted, now);
        if (race.lottery()) {
            return checkout.inTransaction(buyer, request.requestId(), fingerprint, now,
                    () -> withoutPlace(entry, "ENTERED"));
        }
        if (!checkout.soldOut(raceId, now)) {
            Checkout.Priced priced = checkout.price(race, 1, request.promoCode(), buyer, now);
            String method = Checkout.method(priced.totalCents(), request.payment(), "payment");
            checkout.chargeCard(buyer, method, priced.totalCents(), request.requestId());
            try {
                return checkout.inTransaction(buyer, request.requestId(), fingerprint, now,
                        () -> confirm(entry, request.requestId(), priced, method));
            } catch (Checkout.RaceFull full) {
                checkout.markSoldOut(raceId, now);
            }
        }
        if (Boolean.FALSE.equals(request.waitlist())) {
            throw Checkout.raceFull();
        }
        return checkout.inTransaction(buyer, request.requestId(), fingerprint, now,
                () -> withoutPlace(entry, "WAITLISTED"));
    }

    /** An athlete's entry being registered. */
    record Entry(RaceTerms race, AccountId buyer, Athlete athlete, UUID athleteAccount, String answers,
            Integer predictedSeconds, Instant now) {
    }

    private RegistrationAnswer confirm(Entry entry, String requestId, Checkout.Priced priced, String method) {
        RaceTerms race = entry.race();
        UUID orderId = UUID.randomUUID();
        UUID registrationId = UUID.randomUUID();
        checkout.usePromo(priced);
        store.insertOrder(new RegistrationStore.NewOrder(orderId, entry.buyer().value(), race.eventId(), requestId,
                method, priced.subtotalCents(), priced.discountCents(), priced.promo() == null ? null
                        : priced.promo().id(), entry.now()));
        long price = priced.totalCents();
        store.insert(new RegistrationStore.NewRegistration(registrationId, race.raceId(), race.eventId(), orderId,
                entry.athleteAccount(), entry.buyer().value(), null, null, "CONFIRMED", entry.athlete(),
                entry.answers(), entry.predictedSeconds(), price, entry.now()));
        if (!places.claim(race.raceId(), List.of(registrationId))) {
            throw new Checkout.RaceFull();
        }
        checkout.debit(entry.buyer(), method, price, orderId);
        store.history(List.of(registrationId), List.of("CREATED", "PAID"), entry.buyer().value(),
                checkout.details(Map.of("orderId", orderId, "priceCents", price, "payment", method)), entry.now());
        events.publishEvent(new RegistrationConfirmed(registrationId, race.raceId(), race.eventId(),
                entry.athleteAccount(), null, entry.now()));
        RegistrationAnswer answer = new RegistrationAnswer(orderId, "CONFIRMED", null, null,
                List.of(new RegistrationAnswer.Entry(registrationId, race.raceId(), "CONFIRMED", null, price, null)),
                priced.subtotalCents(), priced.discountCents(), priced.totalCents(), false);
        AfterCommit.run(() -> mail.confirmed(orderId));
        return race.bibAtPayment() ? answer.withBibs(store.bibs(List.of(registrationId))) : answer;
    }

    /** A waitlist place or a lottery entry: nothing is paid now, no place is held. */
    private RegistrationAnswer withoutPlace(Entry entry, String status) {
        RaceTerms race = entry.race();
        UUID registrationId = UUID.randomUUID();
        Long position = store.insert(new RegistrationStore.NewRegistration(registrationId, race.raceId(),
                race.eventId(), null, entry.athleteAccount(), entry.buyer().value(), null, null, status,
                entry.athlete(), entry.answers(), entry.predictedSeconds(), 0, entry.now()));
        store.history(List.of(registrationId), List.of("CREATED", status), entry.buyer().value(), "{}", entry.now());
        return new RegistrationAnswer(null, status, null, null,
                List.of(new RegistrationAnswer.Entry(registrationId, race.raceId(), status, null, 0, position)),
                0, 0, 0, false);
    }

    // ---- shared checks

    RaceTerms openRace(UUID raceId) {
        return races.race(raceId).filter(RaceTerms::published).orElseThrow(() -> ProblemException.of(
                HttpStatus.NOT_FOUND, "race-not-found", "There is no published race " + raceId + "."));
    }

    static void requireOpen(RaceTerms race, Instant now) {
        RegistrationWindow.State state = race.window(now);
        if (state != RegistrationWindow.State.OPEN) {
            throw ProblemException.of(HttpStatus.CONFLICT, "registration-closed", state
                    == RegistrationWindow.State.NOT_YET_OPEN ? "Registration for this race opens at "
                    + race.opensAt() + "." : "Registration for this race is closed.");
        }
    }

    static Athlete checkAthlete(String prefix, Athlete given, RaceTerms race, List<FieldProblem> problems) {
        if (given == null) {
            problems.add(new FieldProblem(prefix, "required", "The athlete is required"));
            return null;
        }
        Athlete athlete = given.normalized();
        problems.addAll(athlete.problems(prefix, race.raceDay(), race.ageBasis(), race.minAge(), race.maxAge()));
        return athlete;
    }

    UUID accountOf(String email) {
        return accounts.findByEmail(email).map(AccountSummary::id).map(AccountId::value).orElse(null);
    }

    private static Integer predictedSeconds(String predictedTime, List<FieldProblem> problems) {
        if (predictedTime == null || predictedTime.isBlank()) {
            return null;
        }
        try {
            Duration duration = Duration.parse(predictedTime);
            if (!duration.isNegative() && !duration.isZero() && duration.toDays() < 30) {
                return (int) duration.toSeconds();
            }
        } catch (DateTimeParseException notADuration) {
            // refused below
        }
        problems.add(new FieldProblem("predictedTime", "duration", "A predicted time such as PT3H30M"));
        return null;
    }
}
