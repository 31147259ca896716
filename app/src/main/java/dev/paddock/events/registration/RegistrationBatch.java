package dev.paddock.events.registration;

import dev.paddock.events.registration.Seating.Seat;
import dev.paddock.identity.AccountId;
import dev.paddock.identity.Accounts;
import dev.paddock.shared.Money;
import dev.paddock.shared.ProblemException;
import dev.paddock.wallet.BatchDebit;
import dev.paddock.wallet.DebitOutcome;
import dev.paddock.wallet.IdempotencyKey;
import dev.paddock.wallet.InsufficientFunds;
import dev.paddock.wallet.Purpose;
import dev.paddock.wallet.Wallets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * One batch of individual registrations, written in the caller's transaction: each entry is decided before
 * anything of it is written (a replay, a requestId reused, a person already entered, a promo code used up, a
 * wallet that cannot pay, no place left), so one entry's refusal never fails the others. Then
 * {@link RegistrationRecords} writes the batch's rows with one statement per table, the requestIds with their
 * answers last; a refused entry leaves nothing, its requestId included.
 */
@Component
class RegistrationBatch {

    /**
     * A checked registration waiting for the writer; {@code answer} is completed after the batch commits.
     *
     * @param priced   null (and {@code method} too) when the race was recently found full: the entry goes
     *                 straight to the waitlist without trying for a place
     * @param waitlist whether to join the waitlist when no place is left (else 409 race-full)
     */
    record Candidate(RegistrationDesk.Entry entry, String requestId, String fingerprint, Checkout.Priced priced,
            String method, boolean waitlist, CompletableFuture<RegistrationAnswer> answer) {

        String key() {
            return RegistrationRows.key(entry.buyer().value(), requestId);
        }

        Candidate withAthleteAccount(UUID account) {
            return new Candidate(entry.withAthleteAccount(account), requestId, fingerprint, priced, method, waitlist,
                    answer);
        }
    }

    /**
     * @param outcomes  per candidate, a {@link RegistrationAnswer} or the {@link RuntimeException} to answer with
     * @param fullRaces races that had fewer free places than the batch wanted
     * @param stages    nanoseconds spent deciding (requests, people, promo codes), on places and debits, writing
     *                  the rows (with the answers and mails, one round trip), publishing the events (their listeners
     *                  run there) and, when a bib had to be read back, storing the answers then
     */
    record Written(Object[] outcomes, Set<UUID> fullRaces, long[] stages) {

        static final List<String> STAGES = List.of("decide", "places and debits", "rows", "events", "answers");
    }

    private final RegistrationRows rows;
    private final RegistrationRecords records;
    private final RegistrationStore store;
    private final Checkout checkout;
    private final Wallets wallets;
    private final Accounts accounts;
    private final Clock clock;

    RegistrationBatch(RegistrationRows rows, RegistrationRecords records, RegistrationStore store, Checkout checkout,
            Wallets wallets, Accounts accounts, Clock clock) {
        this.rows = rows;
        this.records = records;
        this.store = store;
        this.checkout = checkout;
        this.wallets = wallets;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** @param genericPlans whether the connection runs on generic plans already ({@link WriterConnection}) */
    Written write(List<Candidate> given, boolean genericPlans) {
        long[] stages = new long[Written.STAGES.size()];
        long t0 = System.nanoTime();
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        if (!genericPlans) {
            rows.planOnce();
        }
        Object[] outcomes = new Object[given.size()];
        List<Integer> firsts = firstOfEachKey(given);
        RegistrationRows.Recorded recorded = firsts.isEmpty() ? new RegistrationRows.Recorded(Map.of(), Set.of())
                : rows.recorded(firsts.stream().map(i -> given.get(i).entry().buyer().value()).toArray(UUID[]::new),
                        firsts.stream().map(i -> given.get(i).requestId()).toArray(String[]::new),
                        firsts.stream().map(i -> person(given.get(i))).toList());
        List<Integer> fresh = unknown(given, firsts, recorded.requests(), outcomes);
        List<Integer> entered = onePerPerson(given, fresh, recorded.liveEntries(), outcomes);
        Set<Integer> promoUsed = usePromos(given, entered, outcomes);
        List<Integer> buying = entered.stream().filter(i -> outcomes[i] == null).toList();
        List<Candidate> candidates = withAthleteAccounts(given, buying);
        long t1 = System.nanoTime();
        stages[0] = t1 - t0;

        Map<UUID, List<Integer>> byRace = new LinkedHashMap<>();
        buying.stream().filter(i -> candidates.get(i).priced() != null).forEach(i -> byRace
                .computeIfAbsent(candidates.get(i).entry().race().raceId(), race -> new ArrayList<>()).add(i));
        Map<UUID, List<Integer>> free = new HashMap<>();
        Set<UUID> fullRaces = new HashSet<>();
        byRace.forEach((race, wanting) -> {
            List<Integer> places = checkout.soldOut(race, at) ? List.of() : rows.freePlaces(race, wanting.size());
            free.put(race, places);
            if (places.size() < wanting.size()) {
                fullRaces.add(race);
            }
        });
        UUID[] orderIds = new UUID[candidates.size()];
        buying.forEach(i -> orderIds[i] = UUID.randomUUID());
        Seat[] seats = pay(candidates, byRace, free, orderIds, outcomes);
        buying.stream().filter(i -> candidates.get(i).priced() == null).forEach(i -> seats[i] = Seat.WAITLIST);
        stages[1] = System.nanoTime() - t1;

        for (int i : promoUsed) {
            if (seats[i] != Seat.PLACE) {
                rows.returnPromoUse(candidates.get(i).priced().promo().id());
            }
        }
        for (int i : buying) {
            if (seats[i] == Seat.FULL) {
                outcomes[i] = Checkout.raceFull();
            }
        }
        records.write(new RegistrationRecords.Decided(candidates, byRace, free, seats, orderIds), outcomes, at, stages);
        return new Written(outcomes, fullRaces, stages);
    }

    /**
     * The athletes' own accounts, for the entries being written, in one look-up: request threads do not each take
     * a database connection for it while the writer needs one.
     */
    private List<Candidate> withAthleteAccounts(List<Candidate> candidates, List<Integer> buying) {
        if (buying.isEmpty()) {
            return candidates;
        }
        Map<String, AccountId> accounts = this.accounts.idsByEmail(
                buying.stream().map(i -> candidates.get(i).entry().athlete().email()).toList());
        List<Candidate> resolved = new ArrayList<>(candidates);
        for (int i : buying) {
            AccountId account = accounts.get(candidates.get(i).entry().athlete().email());
            resolved.set(i, candidates.get(i).withAthleteAccount(account == null ? null : account.value()));
        }
        return resolved;
    }

    /** The first candidate of each requestId (one per batch: a second one with the same key is answered like the first). */
    private static List<Integer> firstOfEachKey(List<Candidate> candidates) {
        Set<String> seen = new HashSet<>();
        List<Integer> firsts = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            if (seen.add(candidates.get(i).key())) {
                firsts.add(i);
            }
        }
        return firsts;
    }

    /**
     * The requestIds not carried out before; an id recorded earlier ({@code stored}) answers as before, or 409 if
     * reused. Nothing is claimed here: the batch's answers are stored with their requestIds in one insert once
     * decided ({@link RegistrationRows#recordRequests}), which fails the batch if a concurrent transaction (another
     * node, a team purchase) took one of them meanwhile.
     */
    private List<Integer> unknown(List<Candidate> candidates, List<Integer> firsts,
            Map<String, RegistrationStore.StoredRequest> stored, Object[] outcomes) {
        for (int i : firsts) {
            RegistrationStore.StoredRequest request = stored.get(candidates.get(i).key());
            if (request != null) {
                outcomes[i] = request.answer() == null ? inFlight()
                        : !request.fingerprint().equals(candidates.get(i).fingerprint()) ? Checkout.requestIdReused()
                        : checkout.storedAnswer(request.answer()).asReplay();
            }
        }
        return firsts.stream().filter(i -> outcomes[i] == null).toList();
    }

    /**
     * No one holds two live entries in a race: refused here, before the unique index would fail the batch.
     * {@code live}: the people of the batch's requestIds found with a live entry (replays' included, which are not
     * among {@code fresh}).
     */
    private List<Integer> onePerPerson(List<Candidate> candidates, List<Integer> fresh, Set<String> live,
            Object[] outcomes) {
        Set<String> taken = new HashSet<>(live);
        List<Integer> entered = new ArrayList<>();
        for (int i : fresh) {
            if (!taken.add(person(candidates.get(i)).key())) {
                outcomes[i] = Checkout.alreadyRegistered();
            } else {
                entered.add(i);
            }
        }
        return entered;
    }

    private static RegistrationRows.Person person(Candidate candidate) {
        Athlete athlete = candidate.entry().athlete();
        return new RegistrationRows.Person(candidate.entry().race().raceId(), athlete.email(), athlete.firstName(),
                athlete.lastName(), athlete.birthDate());
    }

    /** Counts each promo code's use (conditional: never past its maximum); returns the entries that counted one. */
    private Set<Integer> usePromos(List<Candidate> candidates, List<Integer> entered, Object[] outcomes) {
        Set<Integer> used = new HashSet<>();
        for (int i : entered) {
            Checkout.Priced priced = candidates.get(i).priced();
            if (priced == null || priced.promo() == null) {
                continue;
            }
            if (store.usePromo(priced.promo().id())) {
                used.add(i);
            } else {
                outcomes[i] = PromoCode.usedUp();
            }
        }
        return used;
    }

    /**
     * Seats the buyers in arrival order and debits the seated ones with one wallet batch per round; a wallet
     * that cannot pay gives its place to the next buyer, who is debited in the next round.
     */
    private Seat[] pay(List<Candidate> candidates, Map<UUID, List<Integer>> byRace, Map<UUID, List<Integer>> free,
            UUID[] orderIds, Object[] outcomes) {
        Seat[] seats = new Seat[candidates.size()];
        boolean[] refused = new boolean[candidates.size()];
        boolean[] paid = new boolean[candidates.size()];
        while (true) {
            List<Integer> toDebit = new ArrayList<>();
            byRace.forEach((race, wanting) -> {
                Seat[] raceSeats = Seating.seat(free.get(race).size(), wanting.stream()
                        .map(i -> new Seating.Claim(candidates.get(i).waitlist(), refused[i])).toList());
                for (int k = 0; k < raceSeats.length; k++) {
                    int i = wanting.get(k);
                    seats[i] = raceSeats[k];
                    if (raceSeats[k] == Seat.PLACE && !paid[i]) {
                        if ("FREE".equals(candidates.get(i).method())) {
                            paid[i] = true;
                        } else {
                            toDebit.add(i);
                        }
                    }
                }
            });
            if (toDebit.isEmpty()) {
                return seats;
            }
            // keyed on order ids made by this batch: no key can have been used, so the wallet skips its look-up
            List<DebitOutcome> debited = wallets.debitAllNewKeys(toDebit.stream().map(i -> {
                Candidate candidate = candidates.get(i);
                return new BatchDebit(candidate.entry().buyer(), Money.ofCents(candidate.priced().totalCents()),
                        Purpose.purchase(Checkout.EVENTS, orderIds[i]), IdempotencyKey.of("events:order:" + orderIds[i]));
            }).toList());
            for (int d = 0; d < toDebit.size(); d++) {
                int i = toDebit.get(d);
                if (debited.get(d).taken()) {
                    paid[i] = true;
                } else {
                    refused[i] = true;
                    outcomes[i] = debited.get(d).status() == DebitOutcome.Status.INSUFFICIENT_FUNDS
                            ? new InsufficientFunds(debited.get(d).debit().amount())
                            : new IllegalStateException("Debit refused: " + debited.get(d).status());
                }
            }
        }
    }

    static ProblemException inFlight() {
        return ProblemException.of(HttpStatus.CONFLICT, "request-in-flight",
                "This requestId is being carried out; retry in a moment.");
    }
}
