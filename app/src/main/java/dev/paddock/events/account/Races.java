package dev.paddock.events.account;

import dev.paddock.events.fields.AnswerSchema;
import dev.paddock.events.fields.AnswerSchemas;
import dev.paddock.events.fields.FieldDefinition;
import dev.paddock.events.rules.AgeCategories;
import dev.paddock.events.rules.AgeLimits;
import dev.paddock.events.rules.RegistrationWindow;
import dev.paddock.shared.ProblemException.FieldProblem;
import java.time.LocalDate;
import java.util.ArrayList;
import tools.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** What the account part reads of events and races (owned by the catalog part). */
@Component
class Races {

    record Event(UUID id, String slug, String name, UUID organizerId, ZoneId zone, RefundPolicy refundPolicy,
            Instant transferDeadline, long transferFeeCents, Instant firstStart) {
    }

    record Race(UUID id, UUID eventId, String code, String name, Instant startsAt, int capacity, String mode,
            RegistrationWindow.Stored registration, Instant opensAt, Instant closesAt, boolean team,
            int waitlistOfferHours, String lotterySeed, Instant lotteryDrawnAt) {

        RegistrationWindow.State window(Instant now) {
            return RegistrationWindow.at(now, registration, opensAt, closesAt);
        }
    }

    private static final TypeReference<List<FieldDefinition>> FIELDS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final AnswerSchemas schemas;

    Races(JdbcClient jdbc, JsonMapper json, AnswerSchemas schemas) {
        this.jdbc = jdbc;
        this.json = json;
        this.schemas = schemas;
    }

    Optional<Event> event(UUID id) {
        return jdbc.sql("""
                        select e.id, e.slug, e.name, e.organizer_id, e.zone, e.refund_policy::text, e.transfer_deadline,
                               e.transfer_fee_cents, (select min(starts_at) from events.races where event_id = e.id)
                        from events.events e where e.id = :id""")
                .param("id", id)
                .query((rs, row) -> new Event(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getObject(4, UUID.class), ZoneId.of(rs.getString(5)), policy(rs.getString(6)),
                        instant(rs.getObject(7, OffsetDateTime.class)), rs.getLong(8),
                        instant(rs.getObject(9, OffsetDateTime.class))))
                .optional();
    }

    Optional<Race> race(UUID id) {
        return jdbc.sql("""
                        select id, event_id, code, name, starts_at, capacity, mode, registration, registration_opens_at,
                               registration_closes_at, team_min_size is not null, waitlist_offer_hours, lottery_seed,
                               lottery_drawn_at
                        from events.races where id = :id""")
                .param("id", id)
                .query((rs, row) -> new Race(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getString(4), instant(rs.getObject(5, OffsetDateTime.class)), rs.getInt(6), rs.getString(7),
                        RegistrationWindow.Stored.valueOf(rs.getString(8)), instant(rs.getObject(9, OffsetDateTime.class)),
                        instant(rs.getObject(10, OffsetDateTime.class)), rs.getBoolean(11), rs.getInt(12),
                        rs.getString(13), instant(rs.getObject(14, OffsetDateTime.class))))
                .optional();
    }

    /** Who may run a race: its day in the event's zone, age limits and the schema its answers must meet. */
    record EntryRules(LocalDate raceDay, AgeCategories.Basis ageBasis, Integer minAge, Integer maxAge,
            AnswerSchema answers) {

        /** What keeps a person born on {@code birthDate} with these answers out of the race, under the given names. */
        List<FieldProblem> problems(String birthDateField, LocalDate birthDate, String answersField, JsonNode given) {
            List<FieldProblem> problems = new ArrayList<>();
            FieldProblem age = AgeLimits.problem(birthDateField, birthDate, raceDay, ageBasis, minAge, maxAge);
            if (age != null) {
                problems.add(age);
            }
            problems.addAll(answers.problems(answersField, given));
            return problems;
        }
    }

    EntryRules entryRules(UUID raceId) {
        return jdbc.sql("""
                        select r.starts_at, e.zone, r.age_basis, r.min_age, r.max_age, r.fields::text, r.version
                        from events.races r join events.events e on e.id = r.event_id where r.id = :id""")
                .param("id", raceId)
                .query((rs, row) -> new EntryRules(rs.getObject(1, OffsetDateTime.class).toInstant()
                        .atZone(ZoneId.of(rs.getString(2))).toLocalDate(), AgeCategories.Basis.valueOf(rs.getString(3)),
                        (Integer) rs.getObject(4), (Integer) rs.getObject(5),
                        schemas.of(raceId, rs.getLong(7), json.readValue(rs.getString(6), FIELDS))))
                .single();
    }

    /** The event's races, by start. */
    List<Race> ofEvent(UUID eventId) {
        return jdbc.sql("select id from events.races where event_id = :event order by starts_at, code")
                .param("event", eventId).query(UUID.class).list().stream().map(id -> race(id).orElseThrow()).toList();
    }

    /** The race's price at {@code now}: the tier whose window holds it, if any. */
    OptionalLong priceAt(UUID raceId, Instant now) {
        return jdbc.sql("""
                        select price_cents from events.price_tiers
                        where race_id = :race and starts_at <= :now and ends_at > :now order by starts_at desc limit 1""")
                .param("race", raceId).param("now", java.sql.Timestamp.from(now)).query(Long.class).optional()
                .map(OptionalLong::of).orElse(OptionalLong.empty());
    }

    private RefundPolicy policy(String text) {
        List<RefundPolicy.Step> steps = json.readValue(text, new TypeReference<List<RefundPolicy.Step>>() {
        });
        return new RefundPolicy(steps);
    }

    static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
