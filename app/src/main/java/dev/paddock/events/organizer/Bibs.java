package dev.paddock.events.organizer;

import dev.paddock.events.RegistrationConfirmed;
import dev.paddock.events.RegistrationTransferred;
import dev.paddock.events.RegistrationsConfirmed;
import dev.paddock.shared.ProblemException;
import dev.paddock.shared.ProblemException.FieldProblem;
import dev.paddock.shared.RoundTrip;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Bib numbers of a race: its ranges, a number at payment for AT_PAYMENT races (inside the confirming
 * transaction), and one run over every confirmed registration still without a bib.
 */
@Component
class Bibs {

    private static final Logger log = LoggerFactory.getLogger(Bibs.class);
    /** Key of the transaction's {@link Memo}. */
    private static final Object MEMO = new Object();

    private final BibNumbers numbers;
    private final Clock clock;

    Bibs(BibNumbers numbers, Clock clock) {
        this.numbers = numbers;
        this.clock = clock;
    }

    @Transactional
    List<BibRange> replaceRanges(OrganizedRace race, List<BibRange> ranges) {
        numbers.lockRace(race.id());
        List<FieldProblem> problems = BibRanges.problems(ranges, numbers.otherRaces(race.eventId(), race.id()),
                numbers.assigned(race.id()));
        if (!problems.isEmpty()) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "validation", problems.getFirst().message(), problems);
        }
        numbers.replace(race.id(), ranges);
        return numbers.ranges(race.id());
    }

    /**
     * Numbers a newly confirmed registration of an AT_PAYMENT race. A team's members confirmed together get
     * a block; when no block is free they get single numbers. Never refuses: a confirmation without a free
     * number stays without a bib (the organizer adds a range and runs the assignment).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void atPayment(RegistrationConfirmed confirmed) {
        if (memo().numbered.contains(confirmed.registrationId()) || !atPayment(confirmed.raceId())) {
            return;
        }
        if (confirmed.teamId() == null) {
            number(confirmed.raceId(), List.of(confirmed.registrationId()));
            return;
        }
        List<Entrant> waiting = numbers.waitingInTeam(confirmed.raceId(), confirmed.teamId());
        if (waiting.isEmpty()) {
            return;
        }
        List<UUID> block = BibOrder.NAME.units(waiting).getFirst();
        Optional<List<Integer>> claimed = block.size() > 1 ? numbers.claimBlock(confirmed.raceId(), block) : Optional.empty();
        if (claimed.isEmpty()) {
            number(confirmed.raceId(), block);
            return;
        }
        Map<UUID, Integer> bibs = new LinkedHashMap<>();
        for (int i = 0; i < block.size(); i++) {
            bibs.put(block.get(i), claimed.get().get(i));
        }
        numbers.record(confirmed.raceId(), bibs, "AT_PAYMENT", null, clock.instant());
    }

    /** Single numbers for these registrations, in their order; those left without one are logged. */
    private void number(UUID raceId, List<UUID> registrationIds) {
        int numbered = numbers.numberAll(raceId, registrationIds, "AT_PAYMENT", clock.instant());
        if (numbered < registrationIds.size()) {
            log.warn("Race {} gave no bib to {} of {} confirmed registration(s): no free number left, or they have one",
                    raceId, registrationIds.size() - numbered, registrationIds.size());
        }
    }

    /**
     * Numbers a batch of individual registrations of an AT_PAYMENT race confirmed together, in their order, in
     * one statement; their single confirmations that follow in the transaction are then passed over.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void atPayment(RegistrationsConfirmed confirmed) {
        if (!atPayment(confirmed.raceId())) {
            return;
        }
        Memo memo = memo();
        List<UUID> unnumbered = confirmed.registrationIds().stream().filter(id -> !memo.numbered.contains(id)).toList();
        if (!unnumbered.isEmpty()) {
            number(confirmed.raceId(), unnumbered);
        }
        if (memo != NONE) {
            memo.numbered.addAll(confirmed.registrationIds());
        }
    }

    /**
     * The bibs of a race's individual registrations about to be confirmed together, in their order: the lowest
     * free numbers, locked until the transaction ends; none when the race does not number at payment. Fewer than
     * asked when the free numbers run out: those left get none (as {@link #atPayment(RegistrationsConfirmed)}).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    List<Integer> take(UUID raceId, int count) {
        if (count == 0) {
            return List.of();
        }
        Memo memo = memo();
        Boolean known = memo == NONE ? null : memo.modes.get(raceId);
        if (known != null) {
            return known ? numbers.takeFree(raceId, count) : List.of();
        }
        // the race's mode and its numbers in one round trip: the writer's batches take bibs once each
        BibNumbers.Taken taken = numbers.takeFreeAtPayment(raceId, count);
        if (memo != NONE) {
            memo.modes.put(raceId, taken.atPayment());
        }
        return taken.bibs();
    }

    /**
     * Holds the numbers {@link #take} gave, now that the registrations are written with them, with their
     * history rows; their confirmations that follow in the transaction are passed over.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void hold(RoundTrip trip, UUID raceId, List<UUID> registrationIds, List<Integer> bibs, Instant at) {
        numbers.hold(trip, raceId, registrationIds, bibs, "AT_PAYMENT", at, held -> {
            if (held != bibs.size()) {
                throw new IllegalStateException("Race " + raceId + " held " + held + " of the " + bibs.size()
                        + " bibs taken");
            }
        });
        Memo memo = memo();
        if (memo != NONE) {
            memo.numbered.addAll(registrationIds);
        }
    }

    /** What one transaction already knows: races' bib modes, registrations numbered by a batch. */
    private static final class Memo {
        final Map<UUID, Boolean> modes = new HashMap<>();
        final Set<UUID> numbered = new HashSet<>();
    }

    private static final Memo NONE = new Memo();

    private static Memo memo() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return NONE;
        }
        Memo memo = (Memo) TransactionSynchronizationManager.getResource(MEMO);
        if (memo == null) {
            memo = new Memo();
            TransactionSynchronizationManager.bindResource(MEMO, memo);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(MEMO);
                }
            });
        }
        return memo;
    }

    /**
     * Whether the race numbers at payment, read once per race and transaction: a batch of confirmations (the
     * registration writer's) asks once, not once per registration.
     */
    private boolean atPayment(UUID raceId) {
        Memo memo = memo();
        return memo == NONE ? numbers.bibModeAtPayment(raceId) : memo.modes.computeIfAbsent(raceId, numbers::bibModeAtPayment);
    }

    /**
     * A registration moved to another race of the event: its number of the old race is given back (ranges
     * of an event's races never overlap, so it cannot be kept) and, if the new race numbers at payment, it
     * gets the next free one there.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void transferred(RegistrationTransferred transferred) {
        if (numbers.release(transferred.registrationId(), transferred.fromRaceId())) {
            log.debug("Bib of registration {} given back to race {}", transferred.registrationId(), transferred.fromRaceId());
        }
        atPayment(new RegistrationConfirmed(transferred.registrationId(), transferred.toRaceId(), transferred.eventId(),
                null, null, transferred.at()));
    }

    /** Numbers every confirmed registration of the race without a bib, in the order asked; all or nothing. */
    @Transactional
    Map<UUID, Integer> assignAll(OrganizedRace race, BibOrder order, UUID actor) {
        numbers.lockRace(race.id());
        List<Entrant> waiting = numbers.waiting(race.id());
        Map<UUID, Integer> bibs;
        try {
            bibs = BibAllocation.allocate(numbers.lockFree(race.id()), order.units(waiting));
        } catch (BibsExhausted exhausted) {
            throw ProblemException.of(HttpStatus.CONFLICT, "bibs-exhausted",
                    exhausted.getMessage() + " Add or widen a bib range of race " + race.code() + ".");
        }
        numbers.record(race.id(), bibs, order.name(), actor, clock.instant());
        return bibs;
    }
}
