package dev.paddock.events.account;

import dev.paddock.events.places.Places;
import dev.paddock.events.rules.RegistrationWindow;
import dev.paddock.shared.ProblemException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A LOTTERY race's draw, once its entry window has closed: {@link LotteryDraw} orders the ENTERED registrations (a
 * team as one entry); winners get their places claimed and an offer to pay before the race's offer deadline
 * (OFFERED), everyone else goes to the waitlist in drawn order (WAITLISTED, history NOT_DRAWN), so places freed later
 * go down the drawn order. The seed, the entry digest and the drawn order are stored and published.
 */
@Service
class Lottery {

    /** One published line of the drawn order: no name, only initials, the entry id and what it needed. */
    record DrawnEntry(int rank, UUID entryId, String initials, int places, String ticket, boolean won) {
    }

    /** What the public page shows; before the draw, the digest of the entries so far. */
    record Published(UUID raceId, String raceName, String eventName, String algorithm, boolean drawn, String seed,
            String entriesDigest, int entries, Instant drawnAt, List<DrawnEntry> order) {
    }

    static final String ALGORITHM = "Each entry's ticket is HMAC-SHA-256(key = seed as UTF-8, message = entry id as a "
            + "lower-case UUID); entries are drawn in ascending ticket order (hex). Going down that order an entry wins "
            + "while its places fit in the capacity left; the others are waitlisted in that order. The entries digest "
            + "is SHA-256 over the sorted entry ids, each followed by a newline.";

    private final JdbcClient jdbc;
    private final Races races;
    private final Places places;
    private final Offers offers;
    private final History history;
    private final JsonMapper json;
    private final Clock clock;

    Lottery(JdbcClient jdbc, Races races, Places places, Offers offers, History history, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.races = races;
        this.places = places;
        this.offers = offers;
        this.history = history;
        this.json = json;
        this.clock = clock;
    }

    @Transactional
    Published draw(UUID actor, boolean operator, UUID raceId, String seed) {
        jdbc.sql("select id from events.races where id = :id for update").param("id", raceId).query(UUID.class).optional()
                .orElseThrow(() -> notFound(raceId));
        Races.Race race = races.race(raceId).orElseThrow();
        Races.Event event = races.event(race.eventId()).orElseThrow();
        if (!operator && !event.organizerId().equals(actor)) {
            throw notFound(raceId);
        }
        if (!"LOTTERY".equals(race.mode())) {
            throw conflict("not-a-lottery", "Race " + race.code() + " takes registrations first come, first served.");
        }
        if (race.lotteryDrawnAt() != null) {
            if (seed.equals(race.lotterySeed())) {
                return published(raceId).orElseThrow();
            }
            throw conflict("already-drawn", "Race " + race.code() + " was drawn on " + race.lotteryDrawnAt() + ".");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        if (race.window(now) != RegistrationWindow.State.CLOSED) {
            throw conflict("entries-open", "The entry window of race " + race.code() + " has not closed yet.");
        }
        List<Registration> entered = jdbc.sql("select " + Registrations.COLUMNS
                        + " from events.registrations r where r.race_id = :race and r.status = 'ENTERED' order by r.id for update")
                .param("race", raceId).query(Registrations::row).list();
        Map<UUID, List<Registration>> units = entered.stream().collect(Collectors.groupingBy(
                r -> r.teamId() != null ? r.teamId() : r.id(), LinkedHashMap::new, Collectors.toList()));
        List<LotteryDraw.Entry> entries = units.entrySet().stream()
                .map(unit -> new LotteryDraw.Entry(unit.getKey(), unit.getValue().size())).toList();
        LotteryDraw.Result result = LotteryDraw.draw(seed, entries, places.free(raceId));
        List<UUID> winners = result.winners().stream().flatMap(w -> units.get(w.id()).stream()).map(Registration::id).toList();
        if (!places.claim(raceId, winners)) {
            throw new IllegalStateException("The draw's winners fit in the free places by construction");
        }
        Instant expires = now.plus(Duration.ofHours(race.waitlistOfferHours()));
        List<DrawnEntry> order = new ArrayList<>();
        long position = 0;
        for (LotteryDraw.Drawn drawn : result.order()) {
            List<Registration> members = units.get(drawn.entry().id());
            int rank = order.size() + 1;
            if (!drawn.won()) {
                position++;
            }
            for (Registration member : members) {
                history.add(member.id(), now, drawn.won() ? "DRAWN" : "NOT_DRAWN", actor,
                        Map.of("seed", seed, "rank", rank, "entryId", drawn.entry().id().toString()));
                if (drawn.won()) {
                    offers.offer(member, race, now, expires, actor);
                } else {
                    waitlist(member.id(), position);
                }
            }
            order.add(new DrawnEntry(rank, drawn.entry().id(),
                    members.stream().map(Registration::initials).collect(Collectors.joining(" ")),
                    drawn.entry().places(), drawn.ticket(), drawn.won()));
        }
        String digest = LotteryDraw.digest(entries.stream().map(LotteryDraw.Entry::id).toList());
        jdbc.sql("update events.races set lottery_seed = :seed, lottery_drawn_at = :at, version = version + 1 where id = :id")
                .param("seed", seed).param("at", Timestamp.from(now)).param("id", raceId).update();
        jdbc.sql("""
                        insert into events.lottery_draws (race_id, seed, entries_digest, entries, drawn_by, drawn_at)
                        values (:race, :seed, :digest, cast(:entries as jsonb), :by, :at)""")
                .param("race", raceId).param("seed", seed).param("digest", digest)
                .param("entries", json.writeValueAsString(order)).param("by", actor).param("at", Timestamp.from(now))
                .update();
        return published(raceId).orElseThrow();
    }

    private void waitlist(UUID registrationId, long position) {
        jdbc.sql("""
                        update events.registrations set status = 'WAITLISTED', waitlist_position = :position,
                            version = version + 1
                        where id = :id""")
                .param("position", position).param("id", registrationId).update();
    }

    /** The race's lottery as published: the draw once made, else the entries so far and their digest. */
    Optional<Published> published(UUID raceId) {
        Optional<Races.Race> found = races.race(raceId).filter(race -> "LOTTERY".equals(race.mode()));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Races.Race race = found.get();
        String eventName = races.event(race.eventId()).orElseThrow().name();
        return jdbc.sql("select seed, entries_digest, entries::text, drawn_at from events.lottery_draws where race_id = :race")
                .param("race", raceId)
                .query((rs, row) -> {
                    List<DrawnEntry> order = json.readValue(rs.getString(3), new TypeReference<List<DrawnEntry>>() {
                    });
                    return new Published(raceId, race.name(), eventName, ALGORITHM, true, rs.getString(1),
                            rs.getString(2), order.size(), rs.getObject(4, OffsetDateTime.class).toInstant(), order);
                })
                .optional()
                .or(() -> {
                    List<UUID> entries = jdbc.sql("""
                                    select coalesce(team_id, id) from events.registrations
                                    where race_id = :race and status = 'ENTERED' group by 1""")
                            .param("race", raceId).query(UUID.class).list();
                    return Optional.of(new Published(raceId, race.name(), eventName, ALGORITHM, false, null,
                            LotteryDraw.digest(entries), entries.size(), null, List.of()));
                });
    }

    private static ProblemException notFound(UUID raceId) {
        return ProblemException.of(HttpStatus.NOT_FOUND, "race-not-found", "No race " + raceId + " of yours.");
    }

    private static ProblemException conflict(String slug, String detail) {
        return ProblemException.of(HttpStatus.CONFLICT, slug, detail);
    }
}
