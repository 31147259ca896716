package dev.paddock.events.registration;

import dev.paddock.events.RegistrationConfirmed;
import dev.paddock.identity.AccountId;
import dev.paddock.shared.AfterCommit;
import dev.paddock.shared.ProblemException;
import dev.paddock.shared.ProblemException.FieldProblem;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Accepting an offered place (from the waitlist or the lottery): the place is already held, so accepting is
 * paying the race's current price before the offer's deadline, in one transaction with the order, the debit,
 * the history and {@link RegistrationConfirmed}.
 */
@Service
class OfferAcceptance {

    private final JdbcClient jdbc;
    private final RaceTermsCache races;
    private final RegistrationStore store;
    private final Checkout checkout;
    private final ApplicationEventPublisher events;
    private final ConfirmationMail mail;
    private final Clock clock;

    OfferAcceptance(JdbcClient jdbc, RaceTermsCache races, RegistrationStore store, Checkout checkout,
            ApplicationEventPublisher events, ConfirmationMail mail, Clock clock) {
        this.jdbc = jdbc;
        this.races = races;
        this.store = store;
        this.checkout = checkout;
        this.events = events;
        this.mail = mail;
        this.clock = clock;
    }

    /** An offer as its athlete or buyer sees it. */
    record Offer(UUID registrationId, UUID raceId, UUID eventId, UUID accountId, UUID buyer, String status,
            Instant expiresAt, String firstName, String lastName, UUID teamId) {

        boolean mayBeAcceptedBy(AccountId account) {
            return account.value().equals(accountId) || account.value().equals(buyer);
        }
    }

    Optional<Offer> offer(UUID registrationId, boolean lock) {
        return jdbc.sql("""
                        select id, race_id, event_id, account_id, buyer_account_id, status, offer_expires_at,
                               first_name, last_name, team_id
                        from events.registrations where id = :id""" + (lock ? " for update" : ""))
                .param("id", registrationId)
                .query((rs, n) -> {
                    Timestamp expires = rs.getTimestamp("offer_expires_at");
                    return new Offer(rs.getObject("id", UUID.class), rs.getObject("race_id", UUID.class),
                            rs.getObject("event_id", UUID.class), rs.getObject("account_id", UUID.class),
                            rs.getObject("buyer_account_id", UUID.class), rs.getString("status"),
                            expires == null ? null : expires.toInstant(), rs.getString("first_name"),
                            rs.getString("last_name"), rs.getObject("team_id", UUID.class));
                }).optional();
    }

    Offer visibleOffer(AccountId account, UUID registrationId) {
        return offer(registrationId, false).filter(o -> o.mayBeAcceptedBy(account))
                .orElseThrow(() -> ProblemException.of(HttpStatus.NOT_FOUND, "registration-not-found",
                        "You have no registration " + registrationId + "."));
    }

    RegistrationAnswer accept(AccountId account, UUID registrationId, RegistrationRequests.Accept request) {
        List<FieldProblem> problems = new ArrayList<>();
        Checkout.requestId(request.requestId(), problems);
        Checkout.payment("payment", request.payment(), problems);
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        Offer offer = visibleOffer(account, registrationId);
        String fingerprint = checkout.fingerprint("accept", registrationId, request);
        Optional<RegistrationAnswer> done = checkout.replay(account, request.requestId(), fingerprint);
        if (done.isPresent()) {
            return done.get();
        }
        Instant now = clock.instant();
        requireLive(offer, now);
        RaceTerms race = races.race(offer.raceId()).orElseThrow();
        Checkout.Priced priced = checkout.price(race, 1, request.promoCode(), account, now);
        String method = Checkout.method(priced.totalCents(), request.payment(), "payment");
        checkout.chargeCard(account, method, priced.totalCents(), request.requestId());
        return checkout.inTransaction(account, request.requestId(), fingerprint, now, () -> {
            Offer locked = offer(registrationId, true).orElseThrow();
            requireLive(locked, now);
            UUID orderId = UUID.randomUUID();
            checkout.usePromo(priced);
            store.insertOrder(new RegistrationStore.NewOrder(orderId, account.value(), race.eventId(),
                    request.requestId(), method, priced.subtotalCents(), priced.discountCents(),
                    priced.promo() == null ? null : priced.promo().id(), now));
            jdbc.sql("""
                            update events.registrations set status = 'CONFIRMED', order_id = :order, price_cents = :price,
                                offer_expires_at = null, confirmed_at = :now, version = version + 1
                            where id = :id and status = 'OFFERED'""")
                    .param("order", orderId).param("price", priced.totalCents()).param("now", Timestamp.from(now))
                    .param("id", registrationId).update();
            checkout.debit(account, method, priced.totalCents(), orderId);
            store.history(List.of(registrationId), List.of("ACCEPTED", "PAID"), account.value(),
                    checkout.details(Map.of("orderId", orderId, "priceCents", priced.totalCents(), "payment", method)),
                    now);
            events.publishEvent(new RegistrationConfirmed(registrationId, race.raceId(), race.eventId(),
                    locked.accountId(), locked.teamId(), now));
            AfterCommit.run(() -> mail.confirmed(orderId));
            return new RegistrationAnswer(orderId, "CONFIRMED", locked.teamId(), null,
                    List.of(new RegistrationAnswer.Entry(registrationId, race.raceId(), "CONFIRMED", null,
                            priced.totalCents(), null)),
                    priced.subtotalCents(), priced.discountCents(), priced.totalCents(), false)
                    .withBibs(store.bibs(List.of(registrationId)));
        });
    }

    private static void requireLive(Offer offer, Instant now) {
        if ("OFFERED".equals(offer.status()) && offer.expiresAt() != null && !now.isBefore(offer.expiresAt())
                || "EXPIRED".equals(offer.status())) {
            throw ProblemException.of(HttpStatus.CONFLICT, "offer-expired",
                    "This offer lapsed at " + offer.expiresAt() + "; the place went back to the waitlist.");
        }
        if (!"OFFERED".equals(offer.status())) {
            throw ProblemException.of(HttpStatus.CONFLICT, "not-offered",
                    "This registration has no place on offer (it is " + offer.status() + ").");
        }
    }
}
