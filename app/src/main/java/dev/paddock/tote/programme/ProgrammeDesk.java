package dev.paddock.tote.programme;

import dev.paddock.parimutuel.BetType;
import dev.paddock.parimutuel.ChannelFamily;
import dev.paddock.shared.ProblemException;
import dev.paddock.tote.MeetingCard;
import dev.paddock.tote.NonRunnerDeclared;
import dev.paddock.tote.PoolCard;
import dev.paddock.tote.RaceCancelled;
import dev.paddock.tote.RaceCard;
import dev.paddock.tote.RaceClosed;
import dev.paddock.tote.RaceOpened;
import dev.paddock.tote.RaceSettled;
import dev.paddock.tote.RaceStatus;
import dev.paddock.tote.ResultOfficial;
import dev.paddock.tote.ResultProvisional;
import dev.paddock.tote.RunnerCard;
import dev.paddock.tote.StartTimeMoved;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The operators' commands on the programme, each in one transaction with the events it publishes. Inside
 * the tote module (results, settlement, the betting team's tests) this is also how a race moves on: every
 * status change goes through {@link #transition} (or {@link #resultTransition}, with the result's version, for
 * the results desk), a conditional update guarded by {@link RaceStatus#canBecome}.
 * Bad input is a {@link ProblemException} naming the field as the REST API spells it.
 */
@Service
public class ProgrammeDesk {

    static final int MAX_RUNNERS = 30;

    private final ProgrammeStore store;
    private final ProgrammeCatalog catalog;
    private final ProgrammeProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ProgrammeDesk(ProgrammeStore store, ProgrammeCatalog catalog, ProgrammeProperties properties,
            ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.catalog = catalog;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
    }

    /** A meeting R{number} on a date, at a venue of a country (ISO 3166 alpha-2). */
    public record NewMeeting(LocalDate date, int number, String venue, String country) {
    }

    /**
     * A race C{number} of a meeting with its runners and the bet types it offers; one pool is created per
     * bet type and channel family, with the configured default terms.
     */
    public record NewRace(UUID meetingId, int number, String name, Instant startsAt, List<NewRunner> runners,
            Set<BetType> betTypes) {
    }

    public record NewRunner(int number, String name) {
    }

    /** New details of a SCHEDULED race; a null field is left as it is. Runners are replaced as a whole. */
    public record RaceEdit(String name, Instant startsAt, List<NewRunner> runners, Set<BetType> betTypes) {
    }

    @Transactional
    public MeetingCard createMeeting(NewMeeting meeting) {
        if (meeting.date() == null) {
            throw ProblemException.field("date", "required", "The meeting's date is required.");
        }
        checkNumber("number", meeting.number(), "meeting");
        String venue = text("venue", meeting.venue());
        String country = country(meeting.country());
        if (store.meetingNumberTaken(meeting.date(), meeting.number())) {
            throw ProblemException.field("number", "taken",
                    "Meeting R" + meeting.number() + " already exists on " + meeting.date() + ".");
        }
        UUID id = UUID.randomUUID();
        store.insertMeeting(id, meeting.date(), meeting.number(), venue, country, clock.instant());
        catalog.changed();
        return new MeetingCard(id, meeting.date(), meeting.number(), venue, List.of());
    }

    @Transactional
    public MeetingCard editMeeting(UUID meetingId, long version, String venue, String country) {
        Loaded.Meeting meeting = store.meeting(meetingId).orElseThrow(() -> notFound("meeting", meetingId));
        String newVenue = venue == null ? meeting.card().venue() : text("venue", venue);
        String newCountry = country == null ? meeting.country() : country(country);
        if (!store.updateMeeting(meetingId, version, newVenue, newCountry)) {
            throw stale("meeting");
        }
        catalog.changed();
        return store.meeting(meetingId).orElseThrow().card();
    }

    @Transactional
    public RaceCard createRace(NewRace race) {
        Loaded.Meeting meeting = store.meeting(race.meetingId()).orElseThrow(() -> notFound("meeting", race.meetingId()));
        checkNumber("number", race.number(), "race");
        String name = text("name", race.name());
        Instant now = clock.instant();
        Instant startsAt = future(race.startsAt(), now);
        List<RunnerCard> runners = runners(race.runners());
        Set<BetType> betTypes = betTypes(race.betTypes(), runners.size());
        if (store.raceNumberTaken(meeting.card().id(), race.number())) {
            throw ProblemException.field("number", "taken",
                    "Race R" + meeting.card().number() + "C" + race.number() + " already exists.");
        }
        UUID id = UUID.randomUUID();
        store.insertRace(id, meeting.card().id(), race.number(), name, startsAt, now);
        store.insertRunners(id, runners);
        for (BetType type : betTypes) {
            addPools(id, type, now);
        }
        catalog.changed();
        return card(id);
    }

    @Transactional
    public RaceCard editRace(UUID raceId, long version, RaceEdit edit) {
        Loaded.Race race = loaded(raceId);
        if (!race.card().status().editable()) {
            throw ProblemException.of(HttpStatus.CONFLICT, "race-not-editable", "Race " + race.card().code()
                    + " is " + race.card().status() + ": its runners, bet types and pools are fixed once it opens.");
        }
        Instant now = clock.instant();
        String name = edit.name() == null ? race.card().name() : text("name", edit.name());
        Instant startsAt = edit.startsAt() == null ? race.card().startsAt() : future(edit.startsAt(), now);
        List<RunnerCard> runners = edit.runners() == null ? race.card().runners() : runners(edit.runners());
        Set<BetType> offered = offered(race);
        Set<BetType> betTypes = edit.betTypes() == null ? offered : betTypes(edit.betTypes(), runners.size());
        if (edit.betTypes() == null) {
            betTypes(offered, runners.size());
        }
        if (!store.updateRace(raceId, version, name, startsAt)) {
            throw stale("race");
        }
        if (edit.runners() != null) {
            store.deleteRunners(raceId);
            store.insertRunners(raceId, runners);
        }
        for (Loaded.Pool pool : race.pools()) {
            if (!pool.card().betType().multiRace() && !betTypes.contains(pool.card().betType())) {
                store.deletePool(pool.card().id());
            }
        }
        for (BetType type : betTypes) {
            if (!offered.contains(type)) {
                addPools(raceId, type, now);
            }
        }
        if (!startsAt.equals(race.card().startsAt())) {
            events.publishEvent(new StartTimeMoved(raceId, startsAt));
        }
        catalog.changed();
        return card(raceId);
    }

    /** New terms for a pool whose races have not opened yet. */
    @Transactional
    public PoolCard editPool(UUID poolId, long version, PoolTerms terms) {
        Loaded.Pool pool = store.pool(poolId).orElseThrow(() -> notFound("pool", poolId));
        checkTerms(terms);
        if (!pool.status().equals("SCHEDULED")) {
            throw ProblemException.of(HttpStatus.CONFLICT, "pool-not-editable",
                    "The pool is " + pool.status() + ": its terms are fixed once it takes bets.");
        }
        if (!store.updatePool(poolId, version, terms)) {
            throw stale("pool");
        }
        catalog.changed();
        return store.pool(poolId).orElseThrow().card();
    }

    /**
     * A runner will not start. Allowed until the race's result is in (a horse may be withdrawn at the start,
     * after the stop signal); declaring a runner that is already a non-runner changes nothing.
     */
    @Transactional
    public RaceCard declareNonRunner(UUID raceId, int runner) {
        Loaded.Race race = loaded(raceId);
        RaceStatus status = race.card().status();
        if (status != RaceStatus.SCHEDULED && status != RaceStatus.OPEN && status != RaceStatus.CLOSED) {
            throw ProblemException.of(HttpStatus.CONFLICT, "race-not-editable",
                    "Race " + race.card().code() + " is " + status + ": non-runners can no longer be declared.");
        }
        if (race.card().runner(runner).isEmpty()) {
            throw ProblemException.field("runner", "unknown",
                    "Race " + race.card().code() + " has no runner number " + runner + ".");
        }
        if (store.declareNonRunner(raceId, runner)) {
            events.publishEvent(new NonRunnerDeclared(raceId, runner, clock.instant()));
            catalog.changed();
        }
        return card(raceId);
    }

    /**
     * Moves the start of a race that has not had its stop signal; the automatic stop signal follows the new
     * time. {@code version} may be null (no optimistic check).
     */
    @Transactional
    public RaceCard moveStart(UUID raceId, Long version, Instant startsAt) {
        Loaded.Race race = loaded(raceId);
        Instant at = future(startsAt, clock.instant());
        if (!race.card().status().movable()) {
            throw ProblemException.of(HttpStatus.CONFLICT, "race-not-editable", "Race " + race.card().code() + " is "
                    + race.card().status() + ": its start time can no longer move.");
        }
        if (!store.moveStart(raceId, version, at)) {
            throw stale("race");
        }
        events.publishEvent(new StartTimeMoved(raceId, at));
        catalog.changed();
        return card(raceId);
    }

    public RaceCard open(UUID raceId) {
        return transition(raceId, RaceStatus.OPEN);
    }

    /** The stop signal: from its commit on, no bet on this race is accepted. */
    public RaceCard close(UUID raceId) {
        return transition(raceId, RaceStatus.CLOSED);
    }

    public RaceCard cancel(UUID raceId) {
        return transition(raceId, RaceStatus.CANCELLED);
    }

    /**
     * Moves a race to {@code to} if its current status leads there, with one conditional update, the pools
     * following it and the transition's event, in one transaction. A race cannot be opened once its start
     * time has passed: move the start first. A result status needs its result version: see
     * {@link #resultTransition}.
     */
    @Transactional
    public RaceCard transition(UUID raceId, RaceStatus to) {
        if (to == RaceStatus.RESULT_PROVISIONAL || to == RaceStatus.RESULT_OFFICIAL) {
            throw new IllegalArgumentException("A result status is reached with its result version");
        }
        return move(raceId, to, 0);
    }

    /**
     * Moves a race to RESULT_PROVISIONAL or RESULT_OFFICIAL with the version of the result that takes it there,
     * which its event carries. The results desk's way; it holds the race row and writes the arrival itself.
     */
    @Transactional
    public RaceCard resultTransition(UUID raceId, RaceStatus to, int resultVersion) {
        if (to != RaceStatus.RESULT_PROVISIONAL && to != RaceStatus.RESULT_OFFICIAL) {
            throw new IllegalArgumentException(to + " is not a result status");
        }
        return move(raceId, to, resultVersion);
    }

    private RaceCard move(UUID raceId, RaceStatus to, int resultVersion) {
        Loaded.Race race = loaded(raceId);
        RaceStatus from = race.card().status();
        if (!from.canBecome(to)) {
            throw new InvalidTransition(race.card().code(), from, to);
        }
        Instant now = clock.instant();
        if (to == RaceStatus.OPEN && !race.card().startsAt().isAfter(now)) {
            throw ProblemException.of(HttpStatus.CONFLICT, "race-started", "Race " + race.card().code()
                    + " was due to start at " + race.card().startsAt() + ": move its start time before opening it.");
        }
        if (!store.changeStatus(raceId, from, to, now)) {
            throw new InvalidTransition(race.card().code(), store.status(raceId).orElse(from), to);
        }
        changed(raceId, to, now, resultVersion);
        return card(raceId);
    }

    /** Creates the ONLINE and RETAIL Big 5 pools over five races, given in leg order. */
    @Transactional
    public List<PoolCard> createBig5(List<UUID> raceIds) {
        if (raceIds == null || raceIds.size() != BetType.BIG5.legs()) {
            throw ProblemException.field("raceIds", "size", "A Big 5 has exactly " + BetType.BIG5.legs() + " races.");
        }
        if (raceIds.contains(null) || new HashSet<>(raceIds).size() != raceIds.size()) {
            throw ProblemException.field("raceIds", "distinct", "The five races of a Big 5 are five different races.");
        }
        Map<UUID, RaceStatus> statuses = store.statuses(raceIds);
        boolean anyOpen = false;
        for (int i = 0; i < raceIds.size(); i++) {
            RaceStatus status = statuses.get(raceIds.get(i));
            if (status == null) {
                throw ProblemException.field("raceIds[" + i + "]", "unknown", "There is no race " + raceIds.get(i) + ".");
            }
            if (status != RaceStatus.SCHEDULED && status != RaceStatus.OPEN) {
                throw ProblemException.field("raceIds[" + i + "]", "status",
                        "Leg " + (i + 1) + " is " + status + ": a Big 5 is made of races that still take bets.");
            }
            anyOpen |= status == RaceStatus.OPEN;
        }
        Instant now = clock.instant();
        List<UUID> created = new ArrayList<>();
        for (ChannelFamily family : ChannelFamily.values()) {
            UUID id = UUID.randomUUID();
            store.insertPool(id, null, BetType.BIG5, family, properties.defaults(BetType.BIG5, family),
                    anyOpen ? "OPEN" : "SCHEDULED", now);
            for (int i = 0; i < raceIds.size(); i++) {
                store.insertLeg(id, i + 1, raceIds.get(i));
            }
            created.add(id);
        }
        catalog.changed();
        return created.stream().map(id -> store.pool(id).orElseThrow().card()).toList();
    }

    /** Opens the SCHEDULED races due within {@code open-before}; returns how many. */
    @Transactional
    public int openDue() {
        if (properties.openBefore().isZero()) {
            return 0;
        }
        Instant now = clock.instant();
        List<UUID> opened = store.openDue(now, now.plus(properties.openBefore()));
        opened.forEach(id -> changed(id, RaceStatus.OPEN, now, 0));
        return opened.size();
    }

    /** The automatic stop signal: closes every OPEN race whose start time has come; returns how many. */
    @Transactional
    public int closeDue() {
        Instant now = clock.instant();
        List<UUID> closed = store.closeDue(now);
        closed.forEach(id -> changed(id, RaceStatus.CLOSED, now, 0));
        return closed.size();
    }

    private void changed(UUID raceId, RaceStatus to, Instant now, int resultVersion) {
        store.poolsFollow(raceId, to);
        events.publishEvent(switch (to) {
            case OPEN -> new RaceOpened(raceId, now);
            case CLOSED -> new RaceClosed(raceId, now);
            case RESULT_PROVISIONAL -> new ResultProvisional(raceId, resultVersion, now);
            case RESULT_OFFICIAL -> new ResultOfficial(raceId, resultVersion, now);
            case SETTLED -> new RaceSettled(raceId, now);
            case CANCELLED -> new RaceCancelled(raceId, now);
            case SCHEDULED -> throw new IllegalStateException("No race goes back to SCHEDULED");
        });
        catalog.changed();
    }

    private void addPools(UUID raceId, BetType type, Instant now) {
        for (ChannelFamily family : ChannelFamily.values()) {
            store.insertPool(UUID.randomUUID(), raceId, type, family, properties.defaults(type, family), "SCHEDULED", now);
        }
    }

    private RaceCard card(UUID raceId) {
        return store.race(raceId).orElseThrow().card();
    }

    private Loaded.Race loaded(UUID raceId) {
        return store.race(raceId).orElseThrow(() -> notFound("race", raceId));
    }

    private static Set<BetType> offered(Loaded.Race race) {
        Set<BetType> offered = EnumSet.noneOf(BetType.class);
        race.pools().stream().map(p -> p.card().betType()).filter(t -> !t.multiRace()).forEach(offered::add);
        return offered;
    }

    static ProblemException notFound(String what, UUID id) {
        return ProblemException.of(HttpStatus.NOT_FOUND, "not-found", "There is no " + what + " " + id + ".");
    }

    private static OptimisticLockingFailureException stale(String what) {
        return new OptimisticLockingFailureException("The " + what + " changed since it was read");
    }

    private static void checkNumber(String field, int number, String what) {
        if (number < 1 || number > 99) {
            throw ProblemException.field(field, "range", "A " + what + " number is between 1 and 99.");
        }
    }

    private static String text(String field, String value) {
        if (value == null || value.isBlank()) {
            throw ProblemException.field(field, "required", "The " + field + " is required.");
        }
        String trimmed = value.strip();
        if (trimmed.length() > 100) {
            throw ProblemException.field(field, "size", "The " + field + " has at most 100 characters.");
        }
        return trimmed;
    }

    private static String country(String country) {
        if (country == null || !country.strip().matches("[A-Za-z]{2}")) {
            throw ProblemException.field("country", "pattern", "The country is a two-letter ISO code such as FR.");
        }
        return country.strip().toUpperCase(java.util.Locale.ROOT);
    }

    private static Instant future(Instant startsAt, Instant now) {
        if (startsAt == null) {
            throw ProblemException.field("startsAt", "required", "The start time is required.");
        }
        if (!startsAt.isAfter(now)) {
            throw ProblemException.field("startsAt", "future", "The start time must be in the future.");
        }
        return startsAt.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    private static List<RunnerCard> runners(List<NewRunner> runners) {
        if (runners == null || runners.size() < 2 || runners.size() > MAX_RUNNERS) {
            throw ProblemException.field("runners", "size", "A race has 2 to " + MAX_RUNNERS + " runners.");
        }
        Set<Integer> numbers = new HashSet<>();
        List<RunnerCard> cards = new ArrayList<>();
        for (int i = 0; i < runners.size(); i++) {
            NewRunner runner = runners.get(i);
            if (runner == null || runner.number() < 1 || runner.number() > MAX_RUNNERS) {
                throw ProblemException.field("runners[" + i + "].number", "range",
                        "A runner's number is between 1 and " + MAX_RUNNERS + ".");
            }
            if (!numbers.add(runner.number())) {
                throw ProblemException.field("runners[" + i + "].number", "duplicate",
                        "Runner number " + runner.number() + " appears twice.");
            }
            cards.add(new RunnerCard(runner.number(), text("runners[" + i + "].name", runner.name()), false));
        }
        cards.sort(java.util.Comparator.comparingInt(RunnerCard::number));
        return cards;
    }

    private static Set<BetType> betTypes(Set<BetType> betTypes, int runners) {
        if (betTypes == null || betTypes.isEmpty()) {
            throw ProblemException.field("betTypes", "required", "A race offers at least one bet type.");
        }
        Set<BetType> offered = new LinkedHashSet<>();
        for (BetType type : betTypes) {
            if (type == null) {
                throw ProblemException.field("betTypes", "required", "A bet type is missing.");
            }
            if (type.multiRace()) {
                throw ProblemException.field("betTypes", "multi-race",
                        "A Big 5 spans five races: create it from its five races.");
            }
            if (runners < type.runners()) {
                throw ProblemException.field("betTypes", "runners",
                        type + " needs at least " + type.runners() + " runners.");
            }
            offered.add(type);
        }
        return offered;
    }

    static void checkTerms(PoolTerms terms) {
        if (terms.takeoutBasisPoints() < 0 || terms.takeoutBasisPoints() > 10_000) {
            throw ProblemException.field("takeoutBasisPoints", "range", "The takeout is 0 to 10000 basis points.");
        }
        if (terms.minStake() == null || !terms.minStake().isPositive()) {
            throw ProblemException.field("minStake", "positive", "The minimum stake is a positive amount of cents.");
        }
        if (terms.unitStake() == null || !terms.unitStake().isPositive()) {
            throw ProblemException.field("unitStake", "positive", "The unit stake is a positive amount of cents.");
        }
        if (terms.maxStake() == null || terms.maxStake().compareTo(terms.minStake()) < 0) {
            throw ProblemException.field("maxStake", "range", "The maximum stake is at least the minimum stake.");
        }
    }
}
