package dev.paddock.tote.results;

import dev.paddock.identity.AccountId;
import dev.paddock.shared.ProblemException;
import dev.paddock.tote.RaceStatus;
import dev.paddock.tote.ResultProvisional;
import dev.paddock.tote.programme.ProgrammeDesk;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.stereotype.Service;

/**
 * The operators' commands on results, each in one transaction holding the race row, with the history line and
 * the status event it makes. A CLOSED race gets its provisional result; a provisional result is corrected into
 * a new version (with a reason) or made official; an official result not yet settled is corrected the same way,
 * which sends the race back to RESULT_PROVISIONAL until an operator makes it official again. After settlement
 * nothing changes. Entering again what is in place changes nothing, so a retried request is harmless.
 * <p>
 * {@code expectedVersion}, when given, is the version the operator saw (0: none yet); another one in place is a
 * stale request (409 {@code conflict}).
 */
@Service
public class ResultDesk {

    static final int MAX_REASON = 500;

    private final ResultStore store;
    private final ProgrammeDesk programme;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ResultDesk(ResultStore store, ProgrammeDesk programme, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.programme = programme;
        this.events = events;
        this.clock = clock;
    }

    /** Enters the race's provisional result, or corrects the one in place into a new version. */
    @Transactional
    public EnteredResult enter(UUID raceId, List<List<Integer>> finish, List<Integer> disqualified, String reason,
            Integer expectedVersion, AccountId by) {
        ResultStore.RaceRow race = store.lockRace(raceId).orElseThrow(() -> notFound(raceId));
        RaceStatus status = race.status();
        if (status != RaceStatus.CLOSED && status != RaceStatus.RESULT_PROVISIONAL && status != RaceStatus.RESULT_OFFICIAL) {
            throw notNow(race, status == RaceStatus.SETTLED ? "The race is settled: its result is final."
                    : "A result is entered once betting has stopped (CLOSED) and until the race is settled.");
        }
        ArrivalCheck.Checked arrival = ArrivalCheck.check(finish, disqualified, store.runners(raceId));
        Optional<EnteredResult> current = store.current(raceId);
        if (current.isPresent() && same(current.get(), arrival)) {
            return current.get();
        }
        checkVersion(current, expectedVersion);
        boolean correction = current.isPresent();
        String why = reason(reason, correction);
        if (status == RaceStatus.RESULT_OFFICIAL && store.settlementStarted(raceId)) {
            throw ProblemException.of(HttpStatus.CONFLICT, "result-final", "Race " + race.code()
                    + ": settlement has started on the official result, which can no longer be corrected.");
        }
        int version = current.map(EnteredResult::version).orElse(0) + 1;
        Instant now = clock.instant();
        store.putProvisional(raceId, version, arrival, by, now);
        store.record(raceId, correction ? ResultHistory.Action.CORRECTED : ResultHistory.Action.ENTERED, version,
                arrival, why, by, now);
        if (status == RaceStatus.RESULT_PROVISIONAL) {
            events.publishEvent(new ResultProvisional(raceId, version, now));
        } else {
            programme.resultTransition(raceId, RaceStatus.RESULT_PROVISIONAL, version);
        }
        return store.current(raceId).orElseThrow();
    }

    /** Makes the provisional result in place official; asking again for the version already official is harmless. */
    @Transactional
    public EnteredResult makeOfficial(UUID raceId, Integer expectedVersion, AccountId by) {
        ResultStore.RaceRow race = store.lockRace(raceId).orElseThrow(() -> notFound(raceId));
        Optional<EnteredResult> current = store.current(raceId);
        checkVersion(current, expectedVersion);
        if (current.isPresent() && current.get().official()) {
            return current.get();
        }
        if (race.status() != RaceStatus.RESULT_PROVISIONAL || current.isEmpty()) {
            throw notNow(race, "Only a provisional result can be made official.");
        }
        if (store.betsPending(raceId)) {
            throw ProblemException.of(HttpStatus.CONFLICT, "bets-pending", "Some bets on race " + race.code()
                    + " still wait for their wallet's answer: make the result official in a moment.");
        }
        Instant now = clock.instant();
        EnteredResult result = current.get();
        store.markOfficial(raceId, by, now);
        store.record(raceId, ResultHistory.Action.OFFICIAL, result.version(),
                new ArrivalCheck.Checked(result.finish(), result.disqualified()), null, by, now);
        programme.resultTransition(raceId, RaceStatus.RESULT_OFFICIAL, result.version());
        return store.current(raceId).orElseThrow();
    }

    /** The result in place, provisional or official. */
    public Optional<EnteredResult> current(UUID raceId) {
        return store.current(raceId);
    }

    /** Every entry, correction and confirmation of the race's result, oldest first. */
    public List<ResultHistory> history(UUID raceId) {
        return store.history(raceId);
    }

    private static boolean same(EnteredResult current, ArrivalCheck.Checked arrival) {
        return current.finish().equals(arrival.finish()) && current.disqualified().equals(arrival.disqualified());
    }

    private static void checkVersion(Optional<EnteredResult> current, Integer expected) {
        if (expected != null && expected != current.map(EnteredResult::version).orElse(0)) {
            throw new OptimisticLockingFailureException("The result changed since it was read");
        }
    }

    private static String reason(String reason, boolean correction) {
        String trimmed = reason == null ? "" : reason.strip();
        if (trimmed.isEmpty()) {
            if (correction) {
                throw ProblemException.field("reason", "required", "A correction says why it is made.");
            }
            return null;
        }
        if (trimmed.length() > MAX_REASON) {
            throw ProblemException.field("reason", "size", "The reason has at most " + MAX_REASON + " characters.");
        }
        return trimmed;
    }

    private static ProblemException notNow(ResultStore.RaceRow race, String why) {
        return ProblemException.of(HttpStatus.CONFLICT, race.status() == RaceStatus.SETTLED ? "result-final"
                : "invalid-transition", "Race " + race.code() + " is " + race.status() + ". " + why);
    }

    static ProblemException notFound(UUID raceId) {
        return ProblemException.of(HttpStatus.NOT_FOUND, "not-found", "There is no race " + raceId + ".");
    }
}
