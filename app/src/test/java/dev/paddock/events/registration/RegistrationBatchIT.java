package dev.paddock.events.registration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paddock.identity.AccountId;
import dev.paddock.shared.ProblemException;
import dev.paddock.wallet.LedgerChecks;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Batches of individual registrations composed by hand and written as the writer writes them: entries refused
 * on their own, replays within and across batches, a batch the database rejects, a batch across the last place.
 */
@SpringBootTest
@ActiveProfiles("test")
class RegistrationBatchIT {

    static final long PRICE = 9500;

    @Autowired
    RegistrationWriter writer;

    @Autowired
    RaceTermsCache races;

    @Autowired
    Checkout checkout;

    @Autowired
    RecentAnswers recent;

    @Autowired
    RegistrationFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    LedgerChecks ledger;

    @BeforeEach
    void ledger() {
        ledger = new LedgerChecks(jdbc);
    }

    @Test
    void entriesRefusedOnTheirOwnLeaveTheOthersWritten() {
        var race = fixtures.race().capacity(2).create();
        AccountId rich = fixtures.fundedAccount(10 * PRICE);
        AccountId poor = fixtures.fundedAccount(PRICE - 1);
        var first = candidate(race, rich, "a", "Ann", true);
        var unpaid = candidate(race, poor, "b", "Bea", true);
        var sameAthlete = candidate(race, rich, "a2", "Ann", true);
        var second = candidate(race, rich, "c", "Cem", true);
        var noWaitlist = candidate(race, rich, "d", "Dan", false);
        var waiting1 = candidate(race, rich, "e", "Eva", true);
        var waiting2 = candidate(race, rich, "f", "Fil", true);

        writer.write(List.of(first, unpaid, sameAthlete, second, noWaitlist, waiting1, waiting2));

        assertThat(answer(first).status()).isEqualTo("CONFIRMED");
        assertThat(refusal(unpaid).slug()).isEqualTo("insufficient-funds");
        assertThat(refusal(sameAthlete).slug()).isEqualTo("already-registered");
        assertThat(answer(second).status()).isEqualTo("CONFIRMED");
        assertThat(refusal(noWaitlist).slug()).isEqualTo("race-full");
        assertThat(answer(waiting1).registrations().getFirst().waitlistPosition()).isEqualTo(1L);
        assertThat(answer(waiting2).registrations().getFirst().waitlistPosition()).isEqualTo(2L);

        assertThat(statuses(race)).containsExactly("Ann CONFIRMED", "Cem CONFIRMED", "Eva WAITLISTED", "Fil WAITLISTED");
        assertThat(fixtures.count("select count(*) from events.places where race_id = ? and registration_id is not null",
                race.raceId)).isEqualTo(2);
        assertThat(fixtures.count("select count(*) from events.registration_history h join events.registrations r"
                + " on r.id = h.registration_id where r.race_id = ?", race.raceId)).isEqualTo(8);
        ledger.assertConsistent(rich, 10 * PRICE - 2 * PRICE);
        ledger.assertConsistent(poor, PRICE - 1);
        // the refused entries left their requestIds free: nothing of them was stored
        assertThat(fixtures.count("select count(*) from events.registration_requests where account_id = ?",
                poor.value())).isZero();
        assertThat(fixtures.count("select count(*) from events.registration_requests where account_id = ?"
                + " and request_id in ('a2', 'd')", rich.value())).isZero();

        // once funded, the same requestId is carried out anew: the race is full now, so the waitlist
        fixtures.fund(poor, PRICE);
        var again = candidate(race, poor, "b", "Bea", true);
        writer.write(List.of(again));
        assertThat(answer(again).status()).isEqualTo("WAITLISTED");
        assertThat(answer(again).registrations().getFirst().waitlistPosition()).isEqualTo(3L);
        ledger.assertConsistent(poor, 2 * PRICE - 1);
    }

    @Test
    void theBatchFindsTheAthletesOwnAccountsAndStoresTheConfirmationMailsWithTheRegistrations() {
        var race = fixtures.race().capacity(2).create();
        AccountId buyer = fixtures.fundedAccount(10 * PRICE);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        UUID ownAccount = UUID.randomUUID();
        jdbc.sql("""
                insert into identity.accounts (id, email, display_name, password_hash, date_of_birth,
                    country_of_residence, created_at)
                values (?, ?, 'Own', 'not a hash', date '1990-01-01', 'CH', now())""")
                .params(ownAccount, "own" + suffix + "@example.com").update();
        var own = candidate(race, buyer, "o", "Own" + suffix, true);
        var noAccount = candidate(race, buyer, "p", "Pia" + suffix, true);
        var waiting = candidate(race, buyer, "q", "Quy" + suffix, true);

        writer.write(List.of(own, noAccount, waiting));

        assertThat(answer(own).status()).isEqualTo("CONFIRMED");
        assertThat(answer(noAccount).status()).isEqualTo("CONFIRMED");
        assertThat(answer(waiting).status()).isEqualTo("WAITLISTED");
        assertThat(jdbc.sql("select account_id from events.registrations where id = ?")
                .param(answer(own).registrations().getFirst().id()).query(UUID.class).single()).isEqualTo(ownAccount);
        assertThat(fixtures.count("select count(*) from events.registrations where id = ? and account_id is null",
                answer(noAccount).registrations().getFirst().id())).isOne();
        // the committed answers are remembered for retries, as replays of the first answer
        assertThat(recent.replay(own.key(), own.fingerprint()).orElseThrow().orderId()).isEqualTo(answer(own).orderId());
        assertThat(recent.replay(waiting.key(), waiting.fingerprint()).orElseThrow().replayed()).isTrue();
        // one confirmation mail per confirmed registration, none for the waitlist
        for (String name : List.of("own", "pia", "quy")) {
            assertThat(fixtures.count("select count(*) from mail.outbox where recipient = ?",
                    name + suffix + "@example.com")).isEqualTo(name.equals("quy") ? 0 : 1);
        }
    }

    @Test
    void aRetriedRequestIdGetsTheFirstOutcomeInTheSameBatchOrALaterOne() {
        var race = fixtures.race().capacity(5).create();
        AccountId buyer = fixtures.fundedAccount(10 * PRICE);
        var original = candidate(race, buyer, "x", "Xan", true);
        var retry = candidate(race, buyer, "x", "Xan", true);
        var other = candidate(race, buyer, "y", "Yan", true);
        var reused = candidate(race, buyer, "y", "Zoe", true);

        writer.write(List.of(original, retry, other, reused));

        RegistrationAnswer first = answer(original);
        assertThat(first.status()).isEqualTo("CONFIRMED");
        assertThat(first.replayed()).isFalse();
        assertThat(answer(retry).replayed()).isTrue();
        assertThat(answer(retry).orderId()).isEqualTo(first.orderId());
        assertThat(answer(other).status()).isEqualTo("CONFIRMED");
        assertThat(refusal(reused).slug()).isEqualTo("request-id-reused");

        var later = candidate(race, buyer, "x", "Xan", true);
        var laterReused = candidate(race, buyer, "x", "Zoe", true);
        writer.write(List.of(later));
        writer.write(List.of(laterReused));
        assertThat(answer(later).replayed()).isTrue();
        assertThat(answer(later).orderId()).isEqualTo(first.orderId());
        assertThat(answer(later).registrations()).isEqualTo(first.registrations());
        assertThat(refusal(laterReused).slug()).isEqualTo("request-id-reused");

        assertThat(statuses(race)).containsExactly("Xan CONFIRMED", "Yan CONFIRMED");
        assertThat(fixtures.count("select count(*) from events.orders where account_id = ?", buyer.value())).isEqualTo(2);
        ledger.assertConsistent(buyer, 10 * PRICE - 2 * PRICE);
    }

    /**
     * The batch reads what its requestIds and its people already hold in one statement
     * ({@link RegistrationRows#recorded}): a later batch with the retry of a confirmed entry, a new requestId for the
     * same athlete and a new athlete answers the retry as before, refuses the second entry of the athlete and
     * confirms the new one.
     */
    @Test
    void aLaterBatchTellsARetryFromANewEntryOfTheSameAthlete() {
        var race = fixtures.race().capacity(5).create();
        AccountId buyer = fixtures.fundedAccount(10 * PRICE);
        var original = candidate(race, buyer, "a", "Ann", true);
        writer.write(List.of(original));

        var retry = candidate(race, buyer, "a", "Ann", true);
        var sameAthlete = candidate(race, buyer, "a3", "Ann", true);
        var other = candidate(race, buyer, "g", "Gus", true);
        writer.write(List.of(retry, sameAthlete, other));

        assertThat(answer(retry).replayed()).isTrue();
        assertThat(answer(retry).orderId()).isEqualTo(answer(original).orderId());
        assertThat(refusal(sameAthlete).slug()).isEqualTo("already-registered");
        assertThat(answer(other).status()).isEqualTo("CONFIRMED");
        assertThat(answer(other).replayed()).isFalse();
        assertThat(statuses(race)).containsExactly("Ann CONFIRMED", "Gus CONFIRMED");
        ledger.assertConsistent(buyer, 10 * PRICE - 2 * PRICE);
    }

    @Test
    void aBatchTheDatabaseRejectsAnswersEveryEntryWithAnErrorAndWritesNothing() {
        var race = fixtures.race().capacity(5).create();
        AccountId buyer = fixtures.fundedAccount(10 * PRICE);
        List<RegistrationBatch.Candidate> batch = new ArrayList<>();
        for (String name : List.of("Ann", "Bea", "Cem")) {
            batch.add(candidate(race, buyer, "r-" + name, name, true));
        }
        withOrdersTrigger(race, "test_reject_order", "raise exception 'orders rejected by the test'",
                () -> writer.write(batch));
        for (var candidate : batch) {
            assertThat(candidate.answer()).isCompletedExceptionally();
            assertThat(candidate.answer().exceptionNow()).hasMessageContaining("orders rejected by the test");
        }
        assertNothingWritten(race, buyer, 10 * PRICE);

        // nothing was kept: the same requestIds go through once the database takes orders again
        var retry = candidate(race, buyer, "r-Ann", "Ann", true);
        writer.write(List.of(retry));
        assertThat(answer(retry).status()).isEqualTo("CONFIRMED");
        assertThat(answer(retry).replayed()).isFalse();
    }

    /**
     * A requestId is recorded with its answer only once the batch is decided; if another transaction recorded it
     * meanwhile (here a trigger, in the batch's own transaction, standing for another node's commit), the batch is
     * rolled back whole and the entry answered 409 request-in-flight: no place, no order, no debit, no requestId.
     */
    @Test
    void aRequestIdRecordedMeanwhileFailsTheBatchAndLeavesNothing() {
        var race = fixtures.race().capacity(5).create();
        AccountId buyer = fixtures.fundedAccount(10 * PRICE);
        var taken = candidate(race, buyer, "t-1", "Tia", true);
        withOrdersTrigger(race, "test_take_request", """
                insert into events.registration_requests (account_id, request_id, fingerprint, created_at, answer)
                values (new.account_id, new.request_id, 'elsewhere', now(), '{}'); return new""",
                () -> writer.write(List.of(taken)));

        assertThat(refusal(taken).slug()).isEqualTo("request-in-flight");
        assertNothingWritten(race, buyer, 10 * PRICE);
        assertThat(fixtures.count("select count(*) from events.orders where account_id = ?", buyer.value())).isZero();

        var again = candidate(race, buyer, "t-1", "Tia", true);
        writer.write(List.of(again));
        assertThat(answer(again).status()).isEqualTo("CONFIRMED");
        assertThat(fixtures.count("select count(*) from events.registration_requests where account_id = ? and answer"
                + " is not null", buyer.value())).isEqualTo(1);
    }

    @Test
    void aBatchAcrossTheLastPlaceConfirmsExactlyTheCapacityAndWaitlistsTheRestInArrivalOrder() {
        var race = fixtures.race().capacity(5).create();
        List<AccountId> buyers = new ArrayList<>();
        List<RegistrationBatch.Candidate> early = new ArrayList<>();
        List<RegistrationBatch.Candidate> straddling = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            AccountId buyer = fixtures.fundedAccount(PRICE);
            buyers.add(buyer);
            (i < 3 ? early : straddling).add(candidate(race, buyer, "r", "Runner" + (char) ('a' + i), true));
        }
        writer.write(early);
        writer.write(straddling);

        List<String> outcomes = straddling.stream().map(c -> answer(c).status() + " "
                + answer(c).registrations().getFirst().waitlistPosition()).toList();
        assertThat(outcomes).containsExactly("CONFIRMED null", "CONFIRMED null", "WAITLISTED 1", "WAITLISTED 2",
                "WAITLISTED 3");
        assertThat(fixtures.count("select count(*) from events.registrations where race_id = ? and status = 'CONFIRMED'",
                race.raceId)).isEqualTo(5);
        assertThat(fixtures.count("select count(*) from events.places where race_id = ? and registration_id is null",
                race.raceId)).isZero();
        assertThat(jdbc.sql("select first_name from events.registrations where race_id = ? and status = 'WAITLISTED'"
                + " order by waitlist_position").param(race.raceId).query(String.class).list())
                .containsExactly("Runnerf", "Runnerg", "Runnerh");
        for (int i = 0; i < buyers.size(); i++) {
            ledger.assertConsistent(buyers.get(i), i < 5 ? 0 : PRICE);
        }
    }

    /**
     * The line's counts (events V42, kept by triggers) follow every change of a registration, whoever makes it, and
     * the ranks a batch answers with are the places in the line as it stands: after entries ahead leave it (an offer,
     * a cancellation, a deletion), the next batch's entries move up.
     */
    @Test
    void waitlistRanksFollowTheLineAsEntriesJoinAndLeaveIt() {
        var race = fixtures.race().capacity(1).create();
        List<RegistrationBatch.Candidate> first = new ArrayList<>();
        for (String name : List.of("Ana", "Ben", "Cyd", "Dan")) {
            first.add(candidate(race, fixtures.fundedAccount(PRICE), "w", name, true));
        }
        writer.write(first);
        assertThat(first.stream().map(c -> answer(c).status() + " " + answer(c).registrations().getFirst()
                .waitlistPosition()).toList()).containsExactly("CONFIRMED null", "WAITLISTED 1", "WAITLISTED 2",
                "WAITLISTED 3");
        assertThat(waiting(race)).isEqualTo(3);

        jdbc.sql("update events.registrations set status = 'OFFERED', waitlist_position = null where race_id = ?"
                + " and first_name = 'Ben'").param(race.raceId).update();
        jdbc.sql("update events.registrations set status = 'CANCELLED' where race_id = ? and first_name = 'Cyd'")
                .param(race.raceId).update();
        assertThat(waiting(race)).isEqualTo(1);
        var next = List.of(candidate(race, fixtures.fundedAccount(PRICE), "w", "Eva", true),
                candidate(race, fixtures.fundedAccount(PRICE), "w", "Fin", true));
        writer.write(next);
        assertThat(next.stream().map(c -> answer(c).registrations().getFirst().waitlistPosition()).toList())
                .containsExactly(2L, 3L);

        jdbc.sql("delete from events.registration_history where registration_id in (select id from events.registrations"
                + " where race_id = ? and first_name = 'Dan')").param(race.raceId).update();
        jdbc.sql("delete from events.registrations where race_id = ? and first_name = 'Dan'").param(race.raceId).update();
        assertThat(waiting(race)).isEqualTo(2);
        var last = candidate(race, fixtures.fundedAccount(PRICE), "w", "Gus", true);
        writer.write(List.of(last));
        assertThat(answer(last).registrations().getFirst().waitlistPosition()).isEqualTo(3L);
        assertThat(waiting(race)).isEqualTo(3);
    }

    /** The line's length by its counts, checked against the registrations themselves. */
    private long waiting(RegistrationFixtures.Race race) {
        long counted = fixtures.count("select count(*) from events.registrations where race_id = ? and status ="
                + " 'WAITLISTED' and waitlist_position is not null", race.raceId);
        assertThat(fixtures.count("select coalesce(sum(waiting), 0) from events.waitlist_counts where race_id = ?",
                race.raceId)).isEqualTo(counted);
        return counted;
    }

    @Test
    void anAtPaymentRaceGetsItsBibsInArrivalOrderWrittenWithTheRowsUpToTheLastFreeNumber() {
        var race = fixtures.race().capacity(6).create();
        jdbc.sql("update events.races set bib_mode = 'AT_PAYMENT' where id = ?").param(race.raceId).update();
        UUID range = UUID.randomUUID();
        jdbc.sql("insert into events.bib_ranges (id, race_id, first_bib, last_bib, wave) values (?, ?, 101, 104, 'A')")
                .params(range, race.raceId).update();
        jdbc.sql("insert into events.bib_numbers (race_id, bib, range_id) select ?, n, ? from generate_series(101, 104) n")
                .params(race.raceId, range).update();
        AccountId buyer = fixtures.fundedAccount(10 * PRICE);
        List<RegistrationBatch.Candidate> first = List.of(candidate(race, buyer, "a", "Zoe", true),
                candidate(race, buyer, "b", "Abe", true), candidate(race, buyer, "c", "Mia", true));
        List<RegistrationBatch.Candidate> second = List.of(candidate(race, buyer, "d", "Yan", true),
                candidate(race, buyer, "e", "Bea", true), candidate(race, buyer, "f", "Lou", true));

        writer.write(first);
        writer.write(second);

        List<RegistrationBatch.Candidate> all = new ArrayList<>(first);
        all.addAll(second);
        assertThat(all.stream().map(c -> answer(c).registrations().getFirst().bib()).toList())
                .as("arrival order, not names; the last two without a free number")
                .containsExactly(101, 102, 103, 104, null, null);
        for (RegistrationBatch.Candidate candidate : all) {
            RegistrationAnswer.Entry entry = answer(candidate).registrations().getFirst();
            assertThat(entry.status()).isEqualTo("CONFIRMED");
            assertThat(jdbc.sql("select bib from events.registrations where id = ?").param(entry.id())
                    .query(Integer.class).optional().orElse(null)).isEqualTo(entry.bib());
            assertThat(jdbc.sql("select bib from events.bib_numbers where registration_id = ?").param(entry.id())
                    .query(Integer.class).optional().orElse(null)).isEqualTo(entry.bib());
            assertThat(jdbc.sql("select kind || coalesce('/' || (details ->> 'bib') || '/' || (details ->> 'wave') || '/'"
                    + " || (details ->> 'run'), '') from events.registration_history where registration_id = ? order by id")
                    .param(entry.id()).query(String.class).list()).containsExactlyElementsOf(entry.bib() == null
                            ? List.of("CREATED", "PAID")
                            : List.of("CREATED", "PAID", "BIB_ASSIGNED/" + entry.bib() + "/A/AT_PAYMENT"));
        }
        assertThat(fixtures.count("select count(*) from events.bib_numbers where race_id = ? and registration_id is null",
                race.raceId)).isZero();
    }

    @Test
    void aPromoCodeCountsOnlyTheUsesOfEntriesThatBought() {
        var race = fixtures.race().capacity(1).create();
        fixtures.promo(race.eventId, "EARLY", "AMOUNT", 1000L, null, 5, false);
        AccountId buyer = fixtures.fundedAccount(10 * PRICE);
        AccountId poor = fixtures.fundedAccount(100);
        var unpaid = candidate(race, poor, "p", "Pia", true, "EARLY");
        var bought = candidate(race, buyer, "q", "Quin", true, "EARLY");
        var waiting = candidate(race, buyer, "r", "Rita", true, "EARLY");

        writer.write(List.of(unpaid, bought, waiting));

        assertThat(refusal(unpaid).slug()).isEqualTo("insufficient-funds");
        assertThat(answer(bought).totalCents()).isEqualTo(PRICE - 1000);
        assertThat(answer(waiting).status()).isEqualTo("WAITLISTED");
        assertThat(fixtures.count("select uses from events.promo_codes where event_id = ? and code = 'EARLY'",
                race.eventId)).isEqualTo(1);
        ledger.assertConsistent(buyer, 10 * PRICE - (PRICE - 1000));
    }

    /**
     * The writer's threads write their batches at once: batches from the same buyers, wanting more places than the
     * race has, leave exactly its places taken, the rest waitlisted, and each buyer debited once per place.
     */
    @Test
    void batchesWrittenAtOnceShareTheLastPlacesExactly() throws Exception {
        int places = 10;
        var race = fixtures.race().capacity(places).create();
        List<AccountId> buyers = List.of(fixtures.fundedAccount(40 * PRICE), fixtures.fundedAccount(40 * PRICE));
        List<List<RegistrationBatch.Candidate>> batches = new ArrayList<>();
        for (int b = 0; b < 4; b++) {
            List<RegistrationBatch.Candidate> batch = new ArrayList<>();
            for (int k = 0; k < 8; k++) {
                batch.add(candidate(race, buyers.get(k % 2), "at-once-" + b + "-" + k, "Once" + b + "x" + k, true));
            }
            batches.add(batch);
        }
        CountDownLatch start = new CountDownLatch(1);
        try (var threads = Executors.newFixedThreadPool(batches.size())) {
            List<Future<?>> written = new ArrayList<>();
            for (List<RegistrationBatch.Candidate> batch : batches) {
                written.add(threads.submit(() -> {
                    start.await();
                    writer.write(batch);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> done : written) {
                done.get(60, TimeUnit.SECONDS);
            }
        }

        List<RegistrationBatch.Candidate> all = batches.stream().flatMap(List::stream).toList();
        assertThat(all).allSatisfy(c -> assertThat(c.answer()).isCompleted());
        assertThat(all.stream().filter(c -> answer(c).status().equals("CONFIRMED")).count()).isEqualTo(places);
        assertThat(all.stream().filter(c -> answer(c).status().equals("WAITLISTED")).count())
                .isEqualTo(all.size() - places);
        assertThat(fixtures.count("select count(*) from events.registrations where race_id = ? and status = 'CONFIRMED'",
                race.raceId)).isEqualTo(places);
        assertThat(fixtures.count("select count(distinct registration_id) from events.places where race_id = ?"
                + " and registration_id is not null", race.raceId)).isEqualTo(places);
        for (AccountId buyer : buyers) {
            long confirmed = all.stream().filter(c -> c.entry().buyer().equals(buyer))
                    .filter(c -> answer(c).status().equals("CONFIRMED")).count();
            ledger.assertConsistent(buyer, 40 * PRICE - confirmed * PRICE);
        }
    }

    private RegistrationBatch.Candidate candidate(RegistrationFixtures.Race race, AccountId buyer, String requestId,
            String firstName, boolean waitlist) {
        return candidate(race, buyer, requestId, firstName, waitlist, null);
    }

    private RegistrationBatch.Candidate candidate(RegistrationFixtures.Race race, AccountId buyer, String requestId,
            String firstName, boolean waitlist, String promoCode) {
        RaceTerms terms = races.race(race.raceId).orElseThrow();
        Instant now = Instant.now();
        Athlete athlete = new Athlete(firstName, "Batch", "F", LocalDate.of(1990, 1, 1), "CH",
                firstName.toLowerCase(Locale.ROOT) + "@example.com");
        JsonNode answers = json.readTree("{\"tshirt\":\"M\",\"consent\":true}");
        var request = new RegistrationRequests.Individual(requestId, athlete, answers, null, promoCode, "WALLET",
                waitlist);
        return new RegistrationBatch.Candidate(new RegistrationDesk.Entry(terms, buyer, athlete, null,
                answers.toString(), null, now), requestId, checkout.fingerprint("individual", race.raceId, request),
                checkout.price(terms, 1, promoCode, buyer, now), "WALLET", waitlist, new CompletableFuture<>());
    }

    /** Runs {@code action} with a row trigger {@code body} (PL/pgSQL) before inserts of the race's orders. */
    private void withOrdersTrigger(RegistrationFixtures.Race race, String name, String body, Runnable action) {
        jdbc.sql("create function events." + name + "() returns trigger language plpgsql as $$ begin " + body
                + "; end $$").update();
        jdbc.sql("create trigger " + name + " before insert on events.orders for each row when (new.event_id = '"
                + race.eventId + "') execute function events." + name + "()").update();
        try {
            action.run();
        } finally {
            jdbc.sql("drop trigger " + name + " on events.orders").update();
            jdbc.sql("drop function events." + name + "()").update();
        }
    }

    /** No registration, place or requestId of the race's buyer, and the buyer's wallet as funded. */
    private void assertNothingWritten(RegistrationFixtures.Race race, AccountId buyer, long funded) {
        assertThat(statuses(race)).isEmpty();
        assertThat(fixtures.count("select count(*) from events.places where race_id = ? and registration_id is not null",
                race.raceId)).isZero();
        assertThat(fixtures.count("select count(*) from events.registration_requests where account_id = ?",
                buyer.value())).isZero();
        ledger.assertConsistent(buyer, funded);
    }

    private static RegistrationAnswer answer(RegistrationBatch.Candidate candidate) {
        return candidate.answer().getNow(null);
    }

    private static ProblemException refusal(RegistrationBatch.Candidate candidate) {
        try {
            candidate.answer().join();
        } catch (CompletionException e) {
            return (ProblemException) e.getCause();
        }
        throw new AssertionError("not refused: " + candidate.answer().join());
    }

    private List<String> statuses(RegistrationFixtures.Race race) {
        return jdbc.sql("select first_name || ' ' || status from events.registrations where race_id = ?"
                + " order by status, first_name").param(race.raceId).query(String.class).list();
    }
}
