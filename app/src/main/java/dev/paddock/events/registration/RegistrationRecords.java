package dev.paddock.events.registration;

import dev.paddock.events.RegistrationConfirmed;
import dev.paddock.events.RegistrationsConfirmed;
import dev.paddock.events.organizer.PaymentBibs;
import dev.paddock.events.registration.RegistrationBatch.Candidate;
import dev.paddock.events.registration.Seating.Seat;
import dev.paddock.shared.RoundTrip;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * What a decided batch of registrations leaves, in the batch's transaction: orders, registrations (CONFIRMED and
 * WAITLISTED, those of AT_PAYMENT races inserted with the bibs taken for them), the places' holders and the
 * history in one statement, the bibs held, the requestIds recorded with their answers for replays and the
 * confirmation mails, all sent in one round trip ({@link RoundTrip}); then {@link RegistrationConfirmed} per
 * confirmed registration (its synchronous listeners, such as bibs at payment, run there).
 */
@Component
class RegistrationRecords {

    /**
     * A batch once {@link RegistrationBatch} decided it.
     *
     * @param byRace   the buyers of each race, in arrival order
     * @param free     the places each race's buyers got (locked), in the order they are given
     * @param seats    per candidate, null for an entry answered without a seat
     * @param orderIds per candidate, the order id a buyer's debit was keyed on
     */
    record Decided(List<Candidate> candidates, Map<UUID, List<Integer>> byRace, Map<UUID, List<Integer>> free,
            Seat[] seats, UUID[] orderIds) {
    }

    private final RegistrationRows rows;
    private final RegistrationStore store;
    private final Checkout checkout;
    private final ApplicationEventPublisher events;
    private final ConfirmationMail mail;
    private final PaymentBibs paymentBibs;

    RegistrationRecords(RegistrationRows rows, RegistrationStore store, Checkout checkout,
            ApplicationEventPublisher events, ConfirmationMail mail, PaymentBibs paymentBibs) {
        this.paymentBibs = paymentBibs;
        this.rows = rows;
        this.store = store;
        this.checkout = checkout;
        this.events = events;
        this.mail = mail;
    }

    /**
     * Writes the confirmed and waitlisted entries, publishes {@link RegistrationConfirmed} for the confirmed, and
     * puts each one's answer in {@code outcomes}; {@code stages} gets the time of the rows, events and answers.
     */
    void write(Decided decided, Object[] outcomes, Instant at, long[] stages) {
        List<Candidate> candidates = decided.candidates();
        Map<UUID, List<Integer>> byRace = decided.byRace();
        Map<UUID, List<Integer>> free = decided.free();
        Seat[] seats = decided.seats();
        UUID[] orderIds = decided.orderIds();
        long t2 = System.nanoTime();
        List<Integer> confirmed = new ArrayList<>();
        List<Integer> waiting = new ArrayList<>();
        for (int i = 0; i < seats.length; i++) {
            if (seats[i] == Seat.PLACE) {
                confirmed.add(i);
            } else if (seats[i] == Seat.WAITLIST) {
                waiting.add(i);
            }
        }
        if (confirmed.isEmpty() && waiting.isEmpty()) {
            return;
        }
        UUID[] registrationIds = new UUID[candidates.size()];
        Long[] positions = new Long[candidates.size()];
        List<Long> nextPositions = waiting.isEmpty() ? List.of() : rows.waitlistPositions(waiting.size());
        for (int w = 0; w < waiting.size(); w++) {
            positions[waiting.get(w)] = nextPositions.get(w);
        }
        List<Integer> written = new ArrayList<>(confirmed);
        written.addAll(waiting);
        written.forEach(i -> registrationIds[i] = UUID.randomUUID());

        Map<UUID, List<Integer>> confirmedByRace = new LinkedHashMap<>();
        for (int i : confirmed) {
            confirmedByRace.computeIfAbsent(candidates.get(i).entry().race().raceId(), race -> new ArrayList<>()).add(i);
        }
        Integer[] bibs = new Integer[candidates.size()];
        Map<UUID, List<Integer>> taken = new LinkedHashMap<>();
        confirmedByRace.forEach((race, entries) -> {
            List<Integer> numbers = paymentBibs.take(race, entries.size());
            taken.put(race, numbers);
            for (int k = 0; k < numbers.size(); k++) {
                bibs[entries.get(k)] = numbers.get(k);
            }
        });
        Integer[] places = places(candidates, byRace, free, seats);
        Map<Integer, Long> ranks = ranks(candidates, waiting, positions);
        RoundTrip trip = rows.roundTrip();
        rows.insertRegistrations(trip, confirmed.stream().map(i -> order(candidates.get(i), orderIds[i], at)).toList(),
                written.stream().map(i -> new RegistrationRows.Written(registration(candidates.get(i),
                registrationIds[i], seats[i] == Seat.PLACE ? orderIds[i] : null, at), positions[i], bibs[i], places[i],
                paid(candidates.get(i), seats[i], orderIds[i]))).toList());
        taken.forEach((race, numbers) -> paymentBibs.hold(trip, race,
                confirmedByRace.get(race).stream().map(i -> registrationIds[i]).toList(), numbers, at));
        // Every answer is known before the rows are written unless an entry of a race numbered at payment got no
        // number (they ran out): then its confirmation's listeners may give it one, read back once they ran.
        boolean bibsKnown = confirmed.stream().allMatch(i -> bibs[i] != null
                || !candidates.get(i).entry().race().bibAtPayment());
        if (bibsKnown) {
            answer(decided, written, confirmed, registrationIds, bibsByRegistration(confirmed, registrationIds, bibs),
                    ranks, outcomes, at, trip);
        }
        trip.execute();
        long t3 = System.nanoTime();
        stages[2] = t3 - t2;
        confirmedByRace.forEach((race, entries) -> events.publishEvent(new RegistrationsConfirmed(race,
                candidates.get(entries.getFirst()).entry().race().eventId(),
                entries.stream().map(i -> registrationIds[i]).toList(), at)));
        for (int i : confirmed) {
            RegistrationDesk.Entry entry = candidates.get(i).entry();
            events.publishEvent(new RegistrationConfirmed(registrationIds[i], entry.race().raceId(),
                    entry.race().eventId(), entry.athleteAccount(), null, at));
        }
        long t4 = System.nanoTime();
        stages[3] = t4 - t3;
        if (!bibsKnown) {
            RoundTrip after = rows.roundTrip();
            answer(decided, written, confirmed, registrationIds, bibs(candidates, confirmed, registrationIds, bibs),
                    ranks, outcomes, at, after);
            after.execute();
        }
        stages[4] = System.nanoTime() - t4;
    }

    /**
     * Each written entry's answer into {@code outcomes}, and added to {@code trip}: the requestIds recorded with
     * their answers (for replays) and the confirmation mails.
     */
    private void answer(Decided decided, List<Integer> written, List<Integer> confirmed, UUID[] registrationIds,
            Map<UUID, Integer> bibs, Map<Integer, Long> ranks, Object[] outcomes, Instant at, RoundTrip trip) {
        List<Candidate> candidates = decided.candidates();
        for (int i : written) {
            outcomes[i] = answer(candidates.get(i), decided.seats()[i], registrationIds[i], decided.orderIds()[i], bibs,
                    ranks, i);
        }
        rows.recordRequests(trip,
                written.stream().map(i -> candidates.get(i).entry().buyer().value()).toArray(UUID[]::new),
                written.stream().map(i -> candidates.get(i).requestId()).toArray(String[]::new),
                written.stream().map(i -> candidates.get(i).fingerprint()).toArray(String[]::new),
                written.stream().map(i -> checkout.json((RegistrationAnswer) outcomes[i])).toArray(String[]::new), at);
        mail.confirmedAll(trip, confirmed.stream().map(i -> new ConfirmationMail.Confirmed(
                candidates.get(i).entry().athlete(), candidates.get(i).entry().race(),
                (RegistrationAnswer) outcomes[i])).toList());
    }

    /** The bibs taken before the rows were written, by registration. */
    private static Map<UUID, Integer> bibsByRegistration(List<Integer> confirmed, UUID[] registrationIds,
            Integer[] taken) {
        Map<UUID, Integer> bibs = new HashMap<>();
        for (int i : confirmed) {
            if (taken[i] != null) {
                bibs.put(registrationIds[i], taken[i]);
            }
        }
        return bibs;
    }

    private static RegistrationStore.NewOrder order(Candidate candidate, UUID orderId, Instant at) {
        Checkout.Priced priced = candidate.priced();
        return new RegistrationStore.NewOrder(orderId, candidate.entry().buyer().value(),
                candidate.entry().race().eventId(), candidate.requestId(), candidate.method(), priced.subtotalCents(),
                priced.discountCents(), priced.promo() == null ? null : priced.promo().id(), at);
    }

    private static RegistrationStore.NewRegistration registration(Candidate candidate, UUID id, UUID orderId,
            Instant at) {
        RegistrationDesk.Entry entry = candidate.entry();
        return new RegistrationStore.NewRegistration(id, entry.race().raceId(), entry.race().eventId(), orderId,
                entry.athleteAccount(), entry.buyer().value(), null, null, orderId == null ? "WAITLISTED" : "CONFIRMED",
                entry.athlete(), entry.answers(), entry.predictedSeconds(),
                orderId == null ? 0 : candidate.priced().totalCents(), at);
    }

    /** The place each confirmed entry holds: its race's free places given in arrival order. */
    private static Integer[] places(List<Candidate> candidates, Map<UUID, List<Integer>> byRace,
            Map<UUID, List<Integer>> free, Seat[] seats) {
        Integer[] places = new Integer[candidates.size()];
        byRace.forEach((race, wanting) -> {
            int next = 0;
            for (int i : wanting) {
                if (seats[i] == Seat.PLACE) {
                    places[i] = free.get(race).get(next++);
                }
            }
        });
        return places;
    }

    /** The details of an entry's second history row: its payment when it holds a place, else nothing. */
    private String paid(Candidate candidate, Seat seat, UUID orderId) {
        return seat != Seat.PLACE ? "{}" : checkout.details(Map.of("orderId", orderId,
                "priceCents", candidate.priced().totalCents(), "payment", candidate.method()));
    }

    /**
     * The bibs to answer with: those taken before the rows were written, and, for entries of AT_PAYMENT races left
     * without one then, whatever the confirmation's listeners gave (read back).
     */
    private Map<UUID, Integer> bibs(List<Candidate> candidates, List<Integer> confirmed, UUID[] registrationIds,
            Integer[] taken) {
        Map<UUID, Integer> bibs = bibsByRegistration(confirmed, registrationIds, taken);
        List<UUID> unknown = confirmed.stream()
                .filter(i -> taken[i] == null && candidates.get(i).entry().race().bibAtPayment())
                .map(i -> registrationIds[i]).toList();
        if (!unknown.isEmpty()) {
            bibs.putAll(store.bibs(unknown));
        }
        return bibs;
    }

    /**
     * Each waitlisted entry's place in its race's line (1 = next): the line ahead of the batch, then arrival order.
     * Read before the batch's rows are written: the line's count and the entries at or after the batch's first
     * position then both lack the batch's own entries, so their difference is the same as after.
     */
    private Map<Integer, Long> ranks(List<Candidate> candidates, List<Integer> waiting, Long[] positions) {
        Map<Integer, Long> ranks = new HashMap<>();
        Map<UUID, Long> ahead = new HashMap<>();
        for (int i : waiting) {
            long before = ahead.computeIfAbsent(candidates.get(i).entry().race().raceId(),
                    race -> rows.waitingBefore(race, positions[i]));
            ahead.put(candidates.get(i).entry().race().raceId(), before + 1);
            ranks.put(i, before + 1);
        }
        return ranks;
    }

    private static RegistrationAnswer answer(Candidate candidate, Seat seat, UUID registrationId, UUID orderId,
            Map<UUID, Integer> bibs, Map<Integer, Long> ranks, int index) {
        UUID raceId = candidate.entry().race().raceId();
        if (seat != Seat.PLACE) {
            return new RegistrationAnswer(null, "WAITLISTED", null, null, List.of(new RegistrationAnswer.Entry(
                    registrationId, raceId, "WAITLISTED", null, 0, ranks.get(index))), 0, 0, 0, false);
        }
        Checkout.Priced priced = candidate.priced();
        return new RegistrationAnswer(orderId, "CONFIRMED", null, null, List.of(new RegistrationAnswer.Entry(
                registrationId, raceId, "CONFIRMED", bibs.get(registrationId), priced.totalCents(), null)),
                priced.subtotalCents(), priced.discountCents(), priced.totalCents(), false);
    }
}
