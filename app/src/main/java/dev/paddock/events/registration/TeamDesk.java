package dev.paddock.events.registration;

import dev.paddock.events.RegistrationConfirmed;
import dev.paddock.events.places.Places;
import dev.paddock.identity.AccountId;
import dev.paddock.shared.AfterCommit;
import dev.paddock.shared.ProblemException;
import dev.paddock.shared.ProblemException.FieldProblem;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Team registration. A captain registers a whole team in one order (every member's data; all places claimed
 * together or none), or creates the team with a join code, paying their own place, and members join with
 * the code, each paying their own. Substitutes are registered and hold a place like racing members (a
 * CONFIRMED registration always holds one). Teams do not go on the waitlist: a race without enough free
 * places answers 409 race-full. Team entries to a LOTTERY race are refused (409 team-lottery): the draw
 * is per athlete.
 */
@Service
class TeamDesk {

    private static final char[] CODE = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final RaceTermsCache races;
    private final RegistrationDesk desk;
    private final RegistrationStore store;
    private final Checkout checkout;
    private final Places places;
    private final ApplicationEventPublisher events;
    private final ConfirmationMail mail;
    private final Clock clock;

    TeamDesk(JdbcClient jdbc, RaceTermsCache races, RegistrationDesk desk, RegistrationStore store, Checkout checkout,
            Places places, ApplicationEventPublisher events, ConfirmationMail mail, Clock clock) {
        this.jdbc = jdbc;
        this.races = races;
        this.desk = desk;
        this.store = store;
        this.checkout = checkout;
        this.places = places;
        this.events = events;
        this.mail = mail;
        this.clock = clock;
    }

    /** One athlete of a team order, checked. */
    private record Seat(Athlete athlete, String answers, TeamRules.Role role, UUID account) {
    }

    RegistrationAnswer register(AccountId captain, UUID raceId, RegistrationRequests.Team request) {
        RaceTerms race = desk.openRace(raceId);
        Instant now = clock.instant();
        List<FieldProblem> problems = new ArrayList<>();
        Checkout.requestId(request.requestId(), problems);
        if (request.name() == null || request.name().isBlank() || request.name().trim().length() > 80) {
            problems.add(new FieldProblem("name", "size", "A team name has 1 to 80 characters"));
        }
        Checkout.payment("payment", request.payment(), problems);
        boolean byCode = Boolean.TRUE.equals(request.joinCode());
        List<RegistrationRequests.Member> given = byCode
                ? (request.captain() == null ? List.of() : List.of(request.captain()))
                : (request.members() == null ? List.of() : request.members());
        String prefix = byCode ? "captain" : "members";
        if (given.isEmpty()) {
            problems.add(new FieldProblem(prefix, "required", byCode ? "The captain's entry is required"
                    : "A team has members"));
        }
        List<Seat> seats = new ArrayList<>();
        Set<String> people = new HashSet<>();
        for (int i = 0; i < given.size(); i++) {
            String at = byCode ? prefix : prefix + "[" + i + "]";
            RegistrationRequests.Member member = given.get(i);
            if (member == null) {
                problems.add(new FieldProblem(at, "required", "A member is required"));
                continue;
            }
            Athlete athlete = RegistrationDesk.checkAthlete(at + ".athlete", member.athlete(), race, problems);
            problems.addAll(race.answers().problems(at + ".answers", member.answers()));
            TeamRules.Role role = role(at + ".role", member.role(), problems);
            if (athlete != null && !people.add(athlete.email() + "|" + athlete.firstName().toLowerCase(Locale.ROOT)
                    + "|" + athlete.lastName().toLowerCase(Locale.ROOT) + "|" + athlete.birthDate())) {
                problems.add(new FieldProblem(at + ".athlete", "duplicate", "This athlete is already in the team"));
            }
            seats.add(new Seat(athlete, answers(member.answers()), byCode ? TeamRules.Role.MEMBER : role, null));
        }
        if (race.team() == null) {
            throw ProblemException.of(HttpStatus.CONFLICT, "not-a-team-race", "This race takes individual entries.");
        }
        if (race.lottery()) {
            throw ProblemException.of(HttpStatus.CONFLICT, "team-lottery",
                    "Team entries to a lottery race are not supported yet.");
        }
        if (!byCode && problems.isEmpty()) {
            problems.addAll(race.team().problems(seats.stream()
                    .map(s -> new TeamRules.Member(s.role(), s.athlete().gender())).toList()));
        }
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        RegistrationDesk.requireOpen(race, now);
        String fingerprint = checkout.fingerprint(byCode ? "team-by-code" : "team", raceId, request);
        Optional<RegistrationAnswer> done = checkout.replay(captain, request.requestId(), fingerprint);
        if (done.isPresent()) {
            return done.get();
        }
        List<Seat> linked = seats.stream().map(s -> new Seat(s.athlete(), s.answers(), s.role(),
                desk.accountOf(s.athlete().email()))).toList();
        Checkout.Priced priced = checkout.price(race, linked.size(), request.promoCode(), captain, now);
        String method = Checkout.method(priced.totalCents(), request.payment(), "payment");
        checkout.chargeCard(captain, method, priced.totalCents(), request.requestId());
        try {
            return checkout.inTransaction(captain, request.requestId(), fingerprint, now, () -> {
                UUID teamId = UUID.randomUUID();
                String code = newCode();
                jdbc.sql("""
                                insert into events.teams (id, race_id, name, captain_account_id, join_code, created_at)
                                values (:id, :race, :name, :captain, :code, :now)""")
                        .param("id", teamId).param("race", raceId).param("name", request.name().trim())
                        .param("captain", captain.value()).param("code", code).param("now", Timestamp.from(now))
                        .update();
                RegistrationAnswer answer = buy(race, captain, request.requestId(), teamId, linked, priced, method, now);
                return byCode ? new RegistrationAnswer(answer.orderId(), answer.status(), teamId, code,
                        answer.registrations(), answer.subtotalCents(), answer.discountCents(), answer.totalCents(),
                        false) : answer;
            });
        } catch (Checkout.RaceFull full) {
            throw Checkout.raceFull();
        }
    }

    RegistrationAnswer join(AccountId account, RegistrationRequests.Join request) {
        List<FieldProblem> problems = new ArrayList<>();
        Checkout.requestId(request.requestId(), problems);
        Checkout.payment("payment", request.payment(), problems);
        String code = request.code() == null ? "" : request.code().trim().toUpperCase(Locale.ROOT);
        Optional<TeamRow> team = team(code, false);
        if (team.isEmpty()) {
            problems.add(new FieldProblem("code", "unknown", "No team has this code"));
            throw ProblemException.invalid(problems);
        }
        RaceTerms race = desk.openRace(team.get().raceId());
        Athlete athlete = RegistrationDesk.checkAthlete("athlete", request.athlete(), race, problems);
        problems.addAll(race.answers().problems("answers", request.answers()));
        TeamRules.Role role = role("role", request.role(), problems);
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        Instant now = clock.instant();
        RegistrationDesk.requireOpen(race, now);
        String fingerprint = checkout.fingerprint("join", code, request);
        Optional<RegistrationAnswer> done = checkout.replay(account, request.requestId(), fingerprint);
        if (done.isPresent()) {
            return done.get();
        }
        Seat seat = new Seat(athlete, answers(request.answers()), role, desk.accountOf(athlete.email()));
        Checkout.Priced priced = checkout.price(race, 1, null, account, now);
        String method = Checkout.method(priced.totalCents(), request.payment(), "payment");
        checkout.chargeCard(account, method, priced.totalCents(), request.requestId());
        try {
            return checkout.inTransaction(account, request.requestId(), fingerprint, now, () -> {
                TeamRow locked = team(code, true).orElseThrow();
                List<FieldProblem> full = race.team().joinProblems(members(locked.id()),
                        new TeamRules.Member(role, athlete.gender()));
                if (!full.isEmpty()) {
                    throw new ProblemException(HttpStatus.CONFLICT, "team-full", full.getFirst().message(), full);
                }
                RegistrationAnswer answer = buy(race, account, request.requestId(), locked.id(), List.of(seat), priced,
                        method, now);
                return new RegistrationAnswer(answer.orderId(), answer.status(), locked.id(), null,
                        answer.registrations(), answer.subtotalCents(), answer.discountCents(), answer.totalCents(),
                        false);
            });
        } catch (Checkout.RaceFull raceFull) {
            throw Checkout.raceFull();
        }
    }

    /** Writes the order and the team's registrations, claims all their places or none, debits, publishes. */
    private RegistrationAnswer buy(RaceTerms race, AccountId buyer, String requestId, UUID teamId, List<Seat> seats,
            Checkout.Priced priced, String method, Instant now) {
        UUID orderId = UUID.randomUUID();
        checkout.usePromo(priced);
        store.insertOrder(new RegistrationStore.NewOrder(orderId, buyer.value(), race.eventId(), requestId, method,
                priced.subtotalCents(), priced.discountCents(), priced.promo() == null ? null : priced.promo().id(), now));
        List<UUID> ids = new ArrayList<>();
        List<RegistrationAnswer.Entry> entries = new ArrayList<>();
        long share = priced.totalCents() / seats.size();
        for (int i = 0; i < seats.size(); i++) {
            Seat seat = seats.get(i);
            UUID id = UUID.randomUUID();
            // the discount is spread over the places, the first one taking what does not divide evenly
            long price = i == 0 ? priced.totalCents() - share * (seats.size() - 1) : share;
            store.insert(new RegistrationStore.NewRegistration(id, race.raceId(), race.eventId(), orderId,
                    seat.account(), buyer.value(), teamId, seat.role().name(), "CONFIRMED", seat.athlete(),
                    seat.answers(), null, price, now));
            ids.add(id);
            entries.add(new RegistrationAnswer.Entry(id, race.raceId(), "CONFIRMED", null, price, null));
        }
        if (!places.claim(race.raceId(), ids)) {
            throw new Checkout.RaceFull();
        }
        checkout.debit(buyer, method, priced.totalCents(), orderId);
        store.history(ids, List.of("CREATED", "PAID"), buyer.value(),
                checkout.details(Map.of("orderId", orderId, "teamId", teamId, "payment", method)), now);
        for (int i = 0; i < ids.size(); i++) {
            events.publishEvent(new RegistrationConfirmed(ids.get(i), race.raceId(), race.eventId(),
                    seats.get(i).account(), teamId, now));
        }
        AfterCommit.run(() -> mail.confirmed(orderId));
        RegistrationAnswer answer = new RegistrationAnswer(orderId, "CONFIRMED", teamId, null, entries,
                priced.subtotalCents(), priced.discountCents(), priced.totalCents(), false);
        return race.bibAtPayment() ? answer.withBibs(store.bibs(ids)) : answer;
    }

    record TeamRow(UUID id, UUID raceId, String name, String joinCode) {
    }

    Optional<TeamRow> team(String code, boolean lock) {
        return jdbc.sql("select id, race_id, name, join_code from events.teams where join_code = :code"
                        + (lock ? " for update" : ""))
                .param("code", code)
                .query((rs, n) -> new TeamRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getString(3), rs.getString(4)))
                .optional();
    }

    private List<TeamRules.Member> members(UUID teamId) {
        return jdbc.sql("""
                        select team_role, gender from events.registrations
                        where team_id = :team and status in ('CONFIRMED', 'OFFERED')""")
                .param("team", teamId)
                .query((rs, n) -> new TeamRules.Member(TeamRules.Role.valueOf(rs.getString(1)), rs.getString(2)))
                .list();
    }

    private static TeamRules.Role role(String field, String role, List<FieldProblem> problems) {
        if (role == null) {
            return TeamRules.Role.MEMBER;
        }
        try {
            return TeamRules.Role.valueOf(role);
        } catch (IllegalArgumentException unknown) {
            problems.add(new FieldProblem(field, "role", "The role is MEMBER or SUBSTITUTE"));
            return TeamRules.Role.MEMBER;
        }
    }

    private static String answers(tools.jackson.databind.JsonNode answers) {
        return answers == null || answers.isNull() ? "{}" : answers.toString();
    }

    private static String newCode() {
        char[] code = new char[8];
        for (int i = 0; i < code.length; i++) {
            code[i] = CODE[RANDOM.nextInt(CODE.length)];
        }
        return new String(code);
    }
}
