package dev.paddock.events.account;

import dev.paddock.identity.Accounts;
import dev.paddock.identity.AccountSummary;
import dev.paddock.shared.ProblemException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import dev.paddock.shared.ProblemException.FieldProblem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A paid place goes to another person before the event's transfer deadline (none set: until the first race
 * starts), the current holder paying the event's transfer fee (an order of its own). The place, race, bib and price
 * stay; the person and answers change. The new person's account, when one has that e-mail, becomes the
 * registration's athlete and buyer, so the old holder no longer manages it. Answers not sent stay as they were. The
 * new person must be allowed in the race (age limits on race day) and the answers must meet the race's current
 * fields, as for a new registration (400 naming {@code athlete.birthDate} or {@code answers.<key>}). The
 * same {@code requestId} again returns the change already made.
 */
@Service
class Handover {

    private final Registrations registrations;
    private final Races races;
    private final Payments payments;
    private final History history;
    private final MyEvents views;
    private final Accounts accounts;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    Handover(Registrations registrations, Races races, Payments payments, History history, MyEvents views,
            Accounts accounts, JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.registrations = registrations;
        this.races = races;
        this.payments = payments;
        this.history = history;
        this.views = views;
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    @Transactional
    Change handOver(UUID actor, UUID registrationId, String requestId, Athlete athlete, JsonNode answers,
            Payments.Method method) {
        Registration registration = registrations.lockOwned(actor, registrationId);
        var done = history.byRequest(registrationId, "HANDED_OVER", requestId);
        if (done.isPresent()) {
            if (!(done.get().details().get("to") instanceof Map<?, ?> to && athlete.email().equals(to.get("email")))) {
                throw Transfer.reused(requestId);
            }
            long fee = ((Number) done.get().details().get("feeCents")).longValue();
            return new Change(views.registration(registrationId).orElseThrow(), "HANDED_OVER", fee, 0, true);
        }
        if (!"CONFIRMED".equals(registration.status())) {
            throw Transfer.refused("not-transferable", "Only a paid place can be handed to another person.");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Races.Event event = races.event(registration.eventId()).orElseThrow();
        Instant deadline = event.transferDeadline() != null ? event.transferDeadline() : event.firstStart();
        if (deadline != null && !now.isBefore(deadline)) {
            throw Transfer.refused("handover-closed", "Places could be handed over until " + deadline + ".");
        }
        JsonNode kept = answers != null ? answers : json.readTree(registration.answers());
        List<FieldProblem> problems = races.entryRules(registration.raceId())
                .problems("athlete.birthDate", athlete.birthDate(), "answers", kept);
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("requestId", requestId);
        details.put("from", Map.of("name", registration.name(), "email", registration.email()));
        details.put("to", Map.of("name", athlete.firstName() + " " + athlete.lastName(), "email", athlete.email()));
        details.put("feeCents", event.transferFeeCents());
        if (event.transferFeeCents() > 0) {
            details.put("orderId", payments.charge(actor, event.id(), "handover:" + registrationId + ":" + requestId,
                    event.transferFeeCents(), method, now).toString());
        }
        UUID newAccount = accounts.findByEmail(athlete.email()).map(AccountSummary::id).map(id -> id.value())
                .orElse(null);
        try {
            jdbc.sql("""
                            update events.registrations set first_name = :first, last_name = :last, gender = :gender,
                                birth_date = :birth, nationality = :nationality, email = :email,
                                answers = cast(:answers as jsonb), account_id = :account,
                                buyer_account_id = coalesce(:account, buyer_account_id), version = version + 1
                            where id = :id""")
                    .param("first", athlete.firstName()).param("last", athlete.lastName())
                    .param("gender", athlete.gender()).param("birth", athlete.birthDate())
                    .param("nationality", athlete.nationality()).param("email", athlete.email())
                    .param("answers", answers == null ? registration.answers() : json.writeValueAsString(answers))
                    .param("account", newAccount).param("id", registrationId).update();
        } catch (DuplicateKeyException taken) {
            throw ProblemException.of(HttpStatus.CONFLICT, "already-registered",
                    athlete.firstName() + " " + athlete.lastName() + " is already registered in this race.");
        }
        history.add(registrationId, now, "HANDED_OVER", actor, details);
        return new Change(views.registration(registrationId).orElseThrow(), "HANDED_OVER", event.transferFeeCents(), 0,
                false);
    }
}
