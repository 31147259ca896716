package dev.paddock.events.account;

import dev.paddock.events.PlaceFreed;
import dev.paddock.events.places.Places;
import dev.paddock.mail.Mailer;
import dev.paddock.mail.OutgoingMail;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The waitlist's offers. Free places of a race go to its WAITLISTED registrations in {@code waitlist_position}
 * order (a team as one unit, all its places or none, and nobody behind it is served first), each becoming OFFERED
 * with a place claimed until {@code now + waitlist_offer_hours}, and told by mail. Offers of one race are made under
 * a transaction-scoped advisory lock, so several nodes reacting to the same freed place serve the line once and in
 * order. Lapsed offers expire (place released, {@link PlaceFreed} published) under row locks that skip rows another
 * node is expiring.
 */
@Service
class Offers {

    static final int EXPIRY_BATCH = 100;

    private final JdbcClient jdbc;
    private final Places places;
    private final Registrations registrations;
    private final Races races;
    private final History history;
    private final Mailer mailer;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Offers(JdbcClient jdbc, Places places, Registrations registrations, Races races, History history, Mailer mailer,
            ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.places = places;
        this.registrations = registrations;
        this.races = races;
        this.history = history;
        this.mailer = mailer;
        this.events = events;
        this.clock = clock;
    }

    /** Offers the race's free places down its waitlist; returns how many registrations got an offer. */
    @Transactional
    int offerFreePlaces(UUID raceId) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:key, 0))").param("key", "events:offers:" + raceId)
                .query(Object.class).single();
        Races.Race race = races.race(raceId).orElseThrow();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Instant expires = now.plus(Duration.ofHours(race.waitlistOfferHours()));
        int offered = 0;
        while (true) {
            List<Registration> next = jdbc.sql("select " + Registrations.COLUMNS + """
                             from events.registrations r where r.race_id = :race and r.status = 'WAITLISTED'
                            order by r.waitlist_position nulls last, r.created_at, r.id limit 1""")
                    .param("race", raceId).query(Registrations::row).list();
            if (next.isEmpty()) {
                return offered;
            }
            List<Registration> unit = next.getFirst().teamId() == null ? next
                    : registrations.ofTeam(next.getFirst().teamId(), "WAITLISTED");
            if (!places.claim(raceId, unit.stream().map(Registration::id).toList())) {
                return offered;
            }
            for (Registration registration : unit) {
                offer(registration, race, now, expires, null);
                offered++;
            }
        }
    }

    /** Makes one registration OFFERED with its place already claimed: status, deadline, history and mail. */
    void offer(Registration registration, Races.Race race, Instant now, Instant expires, UUID actor) {
        jdbc.sql("""
                        update events.registrations set status = 'OFFERED', offer_expires_at = :expires,
                            waitlist_position = null, version = version + 1
                        where id = :id""")
                .param("expires", Timestamp.from(expires)).param("id", registration.id()).update();
        history.add(registration.id(), now, "OFFERED", actor, Map.of("expiresAt", expires.toString(),
                "from", registration.status()));
        mailer.send(new OutgoingMail(registration.email(), "A place for you in " + race.name(), """
                Hello %s,

                A place in %s is yours if you accept it and pay before %s (UTC):
                /events/registrations/%s/accept

                Without an answer by then, it goes to the next person in line.
                """.formatted(registration.firstName(), race.name(), expires, registration.id())));
    }

    /** Expires lapsed offers (a batch of them); returns how many. */
    @Transactional
    int expireDue() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<Registration> due = jdbc.sql("select " + Registrations.COLUMNS + """
                         from events.registrations r where r.status = 'OFFERED' and r.offer_expires_at <= :now
                        order by r.offer_expires_at limit :limit for update skip locked""")
                .param("now", Timestamp.from(now)).param("limit", EXPIRY_BATCH).query(Registrations::row).list();
        for (Registration registration : due) {
            registrations.status(registration.id(), "EXPIRED");
            places.release(registration.id());
            history.add(registration.id(), now, "OFFER_EXPIRED", null,
                    Map.of("expiresAt", registration.offerExpiresAt().toString()));
        }
        due.stream().map(Registration::raceId).distinct().forEach(race -> events.publishEvent(new PlaceFreed(race, now)));
        return due.size();
    }

    /** Races with a free place and someone waiting: a freed place whose event was missed is still offered. */
    List<UUID> racesWithFreePlacesAndAWaitlist() {
        return jdbc.sql("""
                        select w.race_id from (select distinct race_id from events.registrations
                                               where status = 'WAITLISTED') w
                        where exists (select 1 from events.places p where p.race_id = w.race_id and p.registration_id is null)""")
                .query(UUID.class).list();
    }
}
