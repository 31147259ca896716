package dev.paddock.events.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.paddock.MutableClock;
import dev.paddock.identity.AccountId;
import dev.paddock.identity.TestAccounts;
import dev.paddock.identity.account.Account;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/** A freed place goes down the waitlist in order after commit; a lapsed offer expires and the next one is offered. */
@SpringBootTest
@ActiveProfiles("test")
class WaitlistIT {

    private static final String POLICY = "[{\"daysBefore\":0,\"percent\":100}]";

    @Autowired
    EventFixtures fixtures;
    @Autowired
    TestAccounts accounts;
    @Autowired
    Cancellation cancellation;
    @Autowired
    Offers offers;
    @Autowired
    MutableClock clock;
    @Autowired
    WaitlistJobs jobs;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    org.springframework.modulith.events.core.EventSerializer serializer;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aFreedPlaceIsOfferedInOrderThenExpiresToTheNext() {
        Account holder = accounts.create();
        fixtures.fund(holder.id(), 50_00);
        UUID event = fixtures.event(UUID.randomUUID(), Duration.ofDays(30), POLICY, null, 0);
        UUID race = fixtures.race(event, "marathon", Duration.ofDays(30), 1, 50_00, "FIRST_COME");
        UUID paid = fixtures.paid(race, holder.id(), "Holder", 50_00);
        UUID first = fixtures.waitlisted(race, AccountId.random(), "First");
        UUID second = fixtures.waitlisted(race, AccountId.random(), "Second");
        UUID third = fixtures.waitlisted(race, AccountId.random(), "Third");
        assertThat(offers.offerFreePlaces(race)).as("no free place yet").isZero();

        Instant cancelledAt = clock.instant();
        cancellation.cancel(holder.id().value(), paid, "c1");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(fixtures.status(first)).as("offered by the listener after commit").isEqualTo("OFFERED"));
        assertThat(fixtures.holdsPlace(first)).isTrue();
        assertThat(fixtures.status(second)).isEqualTo("WAITLISTED");
        assertThat(offerExpiresAt(first)).isBetween(cancelledAt.plus(Duration.ofHours(48)),
                clock.instant().plus(Duration.ofHours(48)));
        assertThat(fixtures.history(first)).containsExactly("OFFERED");
        assertThat(mailsTo(first)).isEqualTo(1);

        clock.advance(Duration.ofHours(47));
        offers.expireDue();
        assertThat(fixtures.status(first)).as("not lapsed after 47 hours").isEqualTo("OFFERED");
        clock.advance(Duration.ofHours(2));
        // the scheduled sweep may expire it first: either way it lapses once, and only this race is looked at
        offers.expireDue();

        assertThat(fixtures.status(first)).isEqualTo("EXPIRED");
        assertThat(fixtures.holdsPlace(first)).isFalse();
        assertThat(fixtures.history(first)).containsExactly("OFFERED", "OFFER_EXPIRED");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(fixtures.status(second)).as("offered after the expiry's commit").isEqualTo("OFFERED"));
        assertThat(fixtures.status(third)).isEqualTo("WAITLISTED");
        assertThat(fixtures.held(race)).isEqualTo(1);
        assertThat(offers.offerFreePlaces(race)).as("offering again changes nothing").isZero();
        assertThat(offers.expireDue()).as("expiring again changes nothing").isZero();
    }

    @Test
    void aWaitingTeamGetsAllItsPlacesOrWaits() {
        UUID event = fixtures.event(UUID.randomUUID(), Duration.ofDays(30), POLICY, null, 0);
        UUID race = fixtures.race(event, "relay", Duration.ofDays(30), 0, 10_00, "FIRST_COME");
        AccountId captain = AccountId.random();
        UUID team = fixtures.team(race, captain, "Team " + UUID.randomUUID());
        UUID a = fixtures.waitlisted(race, captain, "A");
        UUID b = fixtures.waitlisted(race, AccountId.random(), "B");
        jdbc.sql("update events.registrations set team_id = :team, team_role = 'MEMBER', waitlist_position = 1 where id in (:a, :b)")
                .param("team", team).param("a", a).param("b", b).update();
        UUID after = fixtures.waitlisted(race, AccountId.random(), "After");
        fixtures.resize(race, 1);

        assertThat(offers.offerFreePlaces(race)).as("one place does not split the team, nor serve who is behind it").isZero();
        fixtures.resize(race, 3);
        offers.offerFreePlaces(race);
        assertThat(fixtures.status(a)).isEqualTo("OFFERED");
        assertThat(fixtures.status(b)).isEqualTo("OFFERED");
        assertThat(fixtures.status(after)).isEqualTo("OFFERED");
    }

    @Test
    void theSweepOffersAPlaceWhoseEventWasMissed() {
        UUID event = fixtures.event(UUID.randomUUID(), Duration.ofDays(30), POLICY, null, 0);
        UUID race = fixtures.race(event, "tenk", Duration.ofDays(30), 0, 10_00, "FIRST_COME");
        UUID waiting = fixtures.waitlisted(race, AccountId.random(), "Missed");
        fixtures.resize(race, 1);
        jobs.sweep();
        assertThat(fixtures.status(waiting)).isEqualTo("OFFERED");
        assertThat(fixtures.holdsPlace(waiting)).isTrue();
    }

    /** The listener is retried from the stored event, so the event must read back equal. */
    @Test
    void aFreedPlaceReadsBackFromTheRegistry() {
        dev.paddock.events.PlaceFreed freed = new dev.paddock.events.PlaceFreed(UUID.randomUUID(),
                clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS));
        assertThat(serializer.deserialize(serializer.serialize(freed), dev.paddock.events.PlaceFreed.class)).isEqualTo(freed);
    }

    @Test
    void nodesOfferingTheSamePlaceAtOnceOfferItOnce() throws Exception {
        UUID event = fixtures.event(UUID.randomUUID(), Duration.ofDays(30), POLICY, null, 0);
        UUID race = fixtures.race(event, "tenk", Duration.ofDays(30), 0, 10_00, "FIRST_COME");
        java.util.List<UUID> line = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            line.add(fixtures.waitlisted(race, AccountId.random(), "Line" + i));
        }
        fixtures.resize(race, 2);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        try (var executor = java.util.concurrent.Executors.newFixedThreadPool(4)) {
            java.util.List<java.util.concurrent.Future<Integer>> runs = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                runs.add(executor.submit(() -> {
                    start.await();
                    return offers.offerFreePlaces(race);
                }));
            }
            start.countDown();
            int offered = 0;
            for (var run : runs) {
                offered += run.get();
            }
            assertThat(offered).isLessThanOrEqualTo(2);
        }
        assertThat(line.stream().map(fixtures::status).toList())
                .containsExactly("OFFERED", "OFFERED", "WAITLISTED", "WAITLISTED", "WAITLISTED");
        assertThat(fixtures.held(race)).isEqualTo(2);
    }

    private Instant offerExpiresAt(UUID registration) {
        return jdbc.sql("select offer_expires_at from events.registrations where id = :id").param("id", registration)
                .query(OffsetDateTime.class).single().toInstant();
    }

    private long mailsTo(UUID registration) {
        return jdbc.sql("""
                        select count(*) from mail.outbox where recipient = (select email from events.registrations where id = :id)""")
                .param("id", registration).query(Long.class).single();
    }
}
