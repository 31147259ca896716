package dev.paddock.events.registration;

import dev.paddock.identity.AccountId;
import dev.paddock.shared.Money;
import dev.paddock.shared.ProblemException;
import dev.paddock.shared.ProblemException.FieldProblem;
import dev.paddock.wallet.IdempotencyKey;
import dev.paddock.wallet.Purpose;
import dev.paddock.wallet.Wallets;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every way of buying a place shares: the requestId's idempotency, prices and promo codes, payment
 * through the wallet, the one transaction the purchase runs in, and the memory of races found full.
 */
@Component
class Checkout {

    static final String EVENTS = "events";
    private static final MessageDigest SHA_256 = sha256();

    private final RegistrationStore store;
    private final Wallets wallets;
    private final JsonMapper json;
    private final TransactionTemplate transaction;
    private final RegistrationProperties properties;
    private final Map<UUID, Instant> soldOutUntil = new ConcurrentHashMap<>();

    Checkout(RegistrationStore store, Wallets wallets, JsonMapper json, PlatformTransactionManager transactions,
            RegistrationProperties properties) {
        this.store = store;
        this.wallets = wallets;
        // a stored answer has no "replayed" (it is not written): read back as false
        this.json = json.rebuild().disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).build();
        this.transaction = new TransactionTemplate(transactions);
        this.properties = properties;
    }

    /** Thrown inside a purchase's transaction when the race has too few free places; rolls it back. */
    static final class RaceFull extends RuntimeException {
        RaceFull() {
            super("race full", null, false, false);
        }
    }

    static ProblemException raceFull() {
        return ProblemException.of(HttpStatus.CONFLICT, "race-full",
                "This race is full; ask to join its waitlist (waitlist: true) to be offered a freed place.");
    }

    static void requestId(String requestId, List<FieldProblem> problems) {
        if (requestId == null || requestId.isBlank() || requestId.length() > 100) {
            problems.add(new FieldProblem("requestId", "size", "A requestId has 1 to 100 characters"));
        }
    }

    /** WALLET or CARD; absent is allowed here and refused later only if something must be paid. */
    static void payment(String field, String payment, List<FieldProblem> problems) {
        if (payment != null && !payment.equals("WALLET") && !payment.equals("CARD")) {
            problems.add(new FieldProblem(field, "payment", "The payment is WALLET or CARD"));
        }
    }

    // ---- idempotency

    /**
     * SHA-256 of {@code kind|scope|<the request as JSON>} in UTF-8, in hex. The digest is cloned from one made at
     * start-up: looking the algorithm up among the security providers cost a registration more than hashing it.
     */
    String fingerprint(String kind, Object scope, Object request) {
        MessageDigest digest = digest();
        digest.update((kind + "|" + scope + "|").getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest.digest(json.writeValueAsBytes(request)));
    }

    /**
     * The same fingerprint for an individual registration, its JSON written by {@link IndividualJson} rather than
     * Jackson (a request holding a UTF-16 surrogate goes through Jackson).
     *
     * @param answers the request's answers as JSON ({@code answers.toString()}), null when it has none
     */
    String fingerprint(String kind, UUID raceId, RegistrationRequests.Individual request, String answers) {
        byte[] json = IndividualJson.bytes(request, answers);
        if (json == null) {
            return fingerprint(kind, raceId, request);
        }
        MessageDigest digest = digest();
        digest.update((kind + "|" + raceId + "|").getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest.digest(json));
    }

    private static MessageDigest digest() {
        try {
            return (MessageDigest) SHA_256.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first answer to this requestId if it was already carried out; 409 if it named other content. */
    Optional<RegistrationAnswer> replay(AccountId buyer, String requestId, String fingerprint) {
        return replay(store.request(buyer.value(), requestId), fingerprint);
    }

    /** The first answer of the request found stored (if any) under a requestId; 409 if it named other content. */
    Optional<RegistrationAnswer> replay(Optional<RegistrationStore.StoredRequest> found, String fingerprint) {
        return found.flatMap(stored -> {
            if (!stored.fingerprint().equals(fingerprint)) {
                throw requestIdReused();
            }
            return Optional.ofNullable(stored.answer()).map(answer -> storedAnswer(answer).asReplay());
        });
    }

    static ProblemException requestIdReused() {
        return ProblemException.of(HttpStatus.CONFLICT, "request-id-reused",
                "This requestId was already used for another registration; use a new one.");
    }

    RegistrationAnswer storedAnswer(String answer) {
        return json.readValue(answer, RegistrationAnswer.class);
    }

    String json(RegistrationAnswer answer) {
        return json.writeValueAsString(answer);
    }

    /**
     * Runs a purchase in one transaction that first claims its requestId; a concurrent twin that got there
     * first is answered with the twin's answer. The answer is stored for later replays before commit.
     */
    RegistrationAnswer inTransaction(AccountId buyer, String requestId, String fingerprint, Instant now,
            Supplier<RegistrationAnswer> work) {
        try {
            RegistrationAnswer answer = transaction.execute(status -> {
                if (!store.claimRequest(buyer.value(), requestId, fingerprint, now)) {
                    return null;
                }
                RegistrationAnswer done = work.get();
                store.recordAnswer(buyer.value(), requestId, json.writeValueAsString(done));
                return done;
            });
            return answer != null ? answer : afterTwin(buyer, requestId, fingerprint);
        } catch (DuplicateKeyException duplicate) {
            throw duplicate(duplicate);
        }
    }

    private RegistrationAnswer afterTwin(AccountId buyer, String requestId, String fingerprint) {
        return replay(buyer, requestId, fingerprint).orElseThrow(() -> ProblemException.of(HttpStatus.CONFLICT,
                "request-in-flight", "This requestId is being carried out; retry in a moment."));
    }

    static ProblemException duplicate(DuplicateKeyException duplicate) {
        String message = String.valueOf(duplicate.getMessage());
        if (message.contains("teams_name_per_race")) {
            return ProblemException.field("name", "taken", "A team of this race already has this name");
        }
        return alreadyRegistered();
    }

    static ProblemException alreadyRegistered() {
        return ProblemException.of(HttpStatus.CONFLICT, "already-registered",
                "This athlete already holds an entry in this race (registered, offered, waitlisted or entered).");
    }

    // ---- prices

    /** An order's amounts: each place's price, the promo code's discount and the code used. */
    record Priced(List<Long> prices, long discountCents, PromoCode promo) {

        long subtotalCents() {
            return prices.stream().mapToLong(Long::longValue).sum();
        }

        long totalCents() {
            return subtotalCents() - discountCents;
        }
    }

    Priced price(RaceTerms race, int places, String promoCode, AccountId buyer, Instant now) {
        List<Long> prices = java.util.Collections.nCopies(places, race.priceAt(now));
        if (promoCode == null || promoCode.isBlank()) {
            return new Priced(prices, 0, null);
        }
        PromoCode promo = store.promo(race.eventId(), promoCode.trim().toUpperCase(java.util.Locale.ROOT))
                .orElseThrow(PromoCode::unknown);
        boolean firstTime = !promo.firstTimeOnly() || store.firstTimeBuyer(buyer.value());
        return new Priced(prices, promo.discount(race.raceId(), prices, now, firstTime), promo);
    }

    /** FREE when nothing is to be paid, else the method asked for; 400 on {@code field} when none was given. */
    static String method(long totalCents, String payment, String field) {
        if (totalCents == 0) {
            return "FREE";
        }
        if (payment == null) {
            throw ProblemException.field(field, "required", "A payment (WALLET or CARD) is required");
        }
        return payment;
    }

    // ---- payment

    /**
     * A card payment loads the wallet before the purchase's transaction: the provider is never called while
     * places are held. The deposit's key is derived from the requestId, so a retry never charges twice; if
     * the purchase then fails (the race filled up meanwhile), the money stays in the wallet.
     */
    void chargeCard(AccountId buyer, String method, long totalCents, String requestId) {
        if ("CARD".equals(method)) {
            wallets.deposit(buyer, Money.ofCents(totalCents), IdempotencyKey.of("events:card:" + buyer + ":" + requestId));
        }
    }

    /** The debit, in the purchase's transaction: no order is paid without it, no debit is left without its order. */
    void debit(AccountId buyer, String method, long totalCents, UUID orderId) {
        if (!"FREE".equals(method)) {
            wallets.debit(buyer, Money.ofCents(totalCents), Purpose.purchase(EVENTS, orderId),
                    IdempotencyKey.of("events:order:" + orderId));
        }
    }

    /** Counts the promo code's use in the order's transaction; 400 if concurrent orders used it up meanwhile. */
    void usePromo(Priced priced) {
        if (priced.promo() != null && !store.usePromo(priced.promo().id())) {
            throw PromoCode.usedUp();
        }
    }

    // ---- races found full

    boolean soldOut(UUID raceId, Instant now) {
        Instant until = soldOutUntil.get(raceId);
        return until != null && now.isBefore(until);
    }

    void markSoldOut(UUID raceId, Instant now) {
        if (!properties.soldOutHint().isZero()) {
            soldOutUntil.put(raceId, now.plus(properties.soldOutHint()));
        }
    }

    String details(Map<String, Object> details) {
        return json.writeValueAsString(details);
    }
}
