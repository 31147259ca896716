package dev.paddock.events.registration;

import dev.paddock.events.rules.RegistrationWindow;
import dev.paddock.identity.AccountId;
import dev.paddock.identity.AccountSummary;
import dev.paddock.identity.Accounts;
import dev.paddock.shared.ProblemException;
import dev.paddock.shared.ProblemException.FieldProblem;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Registering one athlete for a race: checks on the request's thread (athlete, answers, window, price, promo
 * code, a card charged into the wallet), then the registration goes to {@link RegistrationWriter}, which writes
 * it with the others waiting in one transaction (a place and the debit, or the waitlist, or 409 race-full) and
 * answers after the commit. A race found full recently sends the athlete straight to its waitlist (or answers
 * 409 race-full); a lottery race takes an entry in its own transaction and nothing is paid.
 */
@Service
class RegistrationDesk {

    private final RaceTermsCache races;
    private final RegistrationStore store;
    private final Checkout checkout;
    private final Accounts accounts;
    private final RegistrationWriter writer;
    private final RecentAnswers recent;
    private final RequestLookups lookups;
    private final RegistrationTurns turns;
    private final Duration answerTimeout;
    private final Clock clock;

    RegistrationDesk(RaceTermsCache races, RegistrationStore store, Checkout checkout, Accounts accounts,
            RegistrationWriter writer, RecentAnswers recent, RequestLookups lookups, RegistrationTurns turns,
            RegistrationProperties properties, Clock clock) {
        this.races = races;
        this.store = store;
        this.checkout = checkout;
        this.accounts = accounts;
        this.writer = writer;
        this.recent = recent;
        this.lookups = lookups;
        this.turns = turns;
        this.answerTimeout = properties.answerTimeout();
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
            throw ProblemException.invalid(problems);
        }
        if (race.team() != null) {
            throw ProblemException.of(HttpStatus.CONFLICT, "team-race",
                    "This is a team race: register a team (POST /api/events/races/" + raceId + "/teams).");
        }
        requireOpen(race, now);
        String answersJson = request.answers() == null ? null : request.answers().toString();
        String fingerprint = checkout.fingerprint("individual", raceId, request, answersJson);
        Optional<RegistrationAnswer> known = recent.replay(RegistrationRows.key(buyer.value(), request.requestId()),
                fingerprint);
        if (known.isPresent()) {
            return known.get();
        }
        String answers = answersJson == null || request.answers().isNull() ? "{}" : answersJson;
        // the athlete's own account is looked up by the writer, for its whole batch
        Entry entry = new Entry(race, buyer, athlete, null, answers, predicted, now);
        boolean soldOut = checkout.soldOut(raceId, now);
        boolean waitlist = !Boolean.FALSE.equals(request.waitlist());
        if (soldOut && !waitlist && !race.lottery()) {
            // Known full and no waitlist wanted: refused without the writer (7,500 of an opening's 20,000 attempts).
            // A refusal stores nothing, so a retry is answered the same. An earlier success of this requestId was
            // replayed above if this node answered it (RecentAnswers); one answered by another node or before a
            // restart is found by its key (a primary-key look-up, with the other refusals waiting: RequestLookups),
            // so a retry never hears "full" for a place it holds.
            Optional<RegistrationAnswer> done = checkout.replay(lookups.find(buyer.value(), request.requestId()),
                    fingerprint);
            if (done.isPresent()) {
                return done.get();
            }
            throw Checkout.raceFull();
        }
        if (race.lottery()) {
            Optional<RegistrationAnswer> done = checkout.replay(buyer, request.requestId(), fingerprint);
            if (done.isPresent()) {
                return done.get();
            }
            return checkout.inTransaction(buyer, request.requestId(), fingerprint, now,
                    () -> withoutPlace(entry.withAthleteAccount(accountOf(athlete.email())), "ENTERED"));
        }
        Checkout.Priced priced = null;
        String method = null;
        if (!soldOut) {
            priced = checkout.price(race, 1, request.promoCode(), buyer, now);
            method = Checkout.method(priced.totalCents(), request.payment(), "payment");
            checkout.chargeCard(buyer, method, priced.totalCents(), request.requestId());
        }
        CompletableFuture<RegistrationAnswer> answer = writer.submit(new RegistrationBatch.Candidate(entry,
                request.requestId(), fingerprint, priced, method, waitlist, new CompletableFuture<>()));
        // nothing more to compute until the batch commits: the next registration in line may go on
        turns.pass();
        return await(answer);
    }

    private RegistrationAnswer await(CompletableFuture<RegistrationAnswer> answer) {
        try {
            return answer.get(answerTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new RegistrationWriter.Overloaded("The registration was not written within "
                    + answerTimeout.toMillis() + " ms; it may still be. Retry with the same requestId to learn its"
                    + " outcome.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistrationWriter.Overloaded("Interrupted while waiting for the registration to be written.");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** An athlete's entry being registered. */
    record Entry(RaceTerms race, AccountId buyer, Athlete athlete, UUID athleteAccount, String answers,
            Integer predictedSeconds, Instant now) {

        Entry withAthleteAccount(UUID account) {
            return new Entry(race, buyer, athlete, account, answers, predictedSeconds, now);
        }
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
