package dev.paddock.events.organizer;

import dev.paddock.identity.CurrentAccount;
import dev.paddock.identity.Role;
import dev.paddock.shared.ProblemException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Who may see an event's organizer pages and APIs: its own organizer, and operators and admins for every
 * event. Anyone else gets 403 {@code not-your-event}; an unknown id 404.
 */
@Component
class EventAccess {

    private static final List<String> STAFF = List.of(Role.OPERATOR.authority(), Role.ADMIN.authority());

    private final JdbcClient jdbc;

    EventAccess(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    OrganizedEvent event(UUID eventId) {
        OrganizedEvent event = jdbc.sql("select id, slug, name, zone, organizer_id from events.events where id = :id")
                .param("id", eventId)
                .query((rs, n) -> new OrganizedEvent(rs.getObject("id", UUID.class), rs.getString("slug"),
                        rs.getString("name"), ZoneId.of(rs.getString("zone")), rs.getObject("organizer_id", UUID.class)))
                .optional().orElseThrow(() -> notFound("event", eventId));
        check(event);
        return event;
    }

    OrganizedRace race(UUID raceId) {
        OrganizedRace race = jdbc.sql(RACES + " where id = :id").param("id", raceId).query(EventAccess::race)
                .optional().orElseThrow(() -> notFound("race", raceId));
        event(race.eventId());
        return race;
    }

    /** The event's races in start order, then by code; the caller has checked the event. */
    List<OrganizedRace> races(UUID eventId) {
        return jdbc.sql(RACES + " where event_id = :event order by starts_at, code").param("event", eventId)
                .query(EventAccess::race).list();
    }

    private static final String RACES = """
            select id, event_id, code, name, capacity, bib_mode, starts_at, fields::text as fields,
                categories::text as categories, age_basis
            from events.races""";

    private static OrganizedRace race(ResultSet rs, int n) throws SQLException {
        return new OrganizedRace(rs.getObject("id", UUID.class), rs.getObject("event_id", UUID.class),
                rs.getString("code"), rs.getString("name"), rs.getInt("capacity"), rs.getString("bib_mode"),
                rs.getTimestamp("starts_at").toInstant(), rs.getString("fields"), rs.getString("categories"),
                rs.getString("age_basis"));
    }

    private static void check(OrganizedEvent event) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        boolean staff = authentication != null && authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority).anyMatch(STAFF::contains);
        boolean own = CurrentAccount.of(authentication).map(account -> account.value().equals(event.organizerId()))
                .orElse(false);
        if (!staff && !own) {
            throw ProblemException.of(HttpStatus.FORBIDDEN, "not-your-event",
                    "Only the organizer of event " + event.slug() + " and operators see it here.");
        }
    }

    private static ProblemException notFound(String what, UUID id) {
        return ProblemException.of(HttpStatus.NOT_FOUND, what + "-not-found", "No " + what + " " + id + ".");
    }
}
