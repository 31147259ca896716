package dev.paddock.events.account;

import dev.paddock.identity.AccountId;
import dev.paddock.identity.Accounts;
import dev.paddock.identity.AccountSummary;
import dev.paddock.identity.Role;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What operators look up: events, their organizers and registrations by athlete name or e-mail. Organizers are the
 * accounts that own events; the identity module offers no listing by role to other modules, so an ORGANIZER without an
 * event shows only in the back-office's users page, where administrators grant and withdraw the role.
 */
@Component
class OperatorSearch {

    static final int LIMIT = 100;

    record EventRow(UUID id, String slug, String name, String status, LocalDate startsOn, UUID organizerId,
            long registrations) {
    }

    record OrganizerRow(UUID accountId, String email, String displayName, boolean organizerRole, long events) {
    }

    record RegistrationRow(UUID id, String athlete, String email, String eventName, String raceCode, String status,
            Integer bib, long priceCents) {
    }

    private final JdbcClient jdbc;
    private final Accounts accounts;

    OperatorSearch(JdbcClient jdbc, Accounts accounts) {
        this.jdbc = jdbc;
        this.accounts = accounts;
    }

    List<EventRow> events(String query) {
        return jdbc.sql("""
                        select e.id, e.slug, e.name, e.status, e.starts_on, e.organizer_id,
                               (select count(*) from events.registrations r where r.event_id = e.id)
                        from events.events e
                        where :q = '' or e.name ilike '%' || :q || '%' or e.slug ilike '%' || :q || '%'
                        order by e.starts_on desc, e.name limit :limit""")
                .param("q", query.strip()).param("limit", LIMIT)
                .query((rs, row) -> new EventRow(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getObject(5, LocalDate.class), rs.getObject(6, UUID.class), rs.getLong(7)))
                .list();
    }

    List<OrganizerRow> organizers() {
        return jdbc.sql("""
                        select organizer_id, count(*) from events.events group by organizer_id
                        order by count(*) desc, organizer_id limit :limit""")
                .param("limit", LIMIT)
                .query((rs, row) -> organizer(rs.getObject(1, UUID.class), rs.getLong(2))).list();
    }

    private OrganizerRow organizer(UUID id, long events) {
        AccountSummary summary = accounts.find(new AccountId(id)).orElse(null);
        return summary == null ? new OrganizerRow(id, null, null, false, events)
                : new OrganizerRow(id, summary.email(), summary.displayName(), summary.has(Role.ORGANIZER), events);
    }

    List<RegistrationRow> registrations(String query) {
        String q = query.strip();
        if (q.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select r.id, r.first_name || ' ' || r.last_name, r.email, e.name, ra.code, r.status, r.bib,
                               r.price_cents
                        from events.registrations r join events.races ra on ra.id = r.race_id
                        join events.events e on e.id = r.event_id
                        where lower(r.email) = lower(:q) or r.last_name ilike :like or r.first_name ilike :like
                           or (r.first_name || ' ' || r.last_name) ilike :like
                        order by r.created_at desc limit :limit""")
                .param("q", q).param("like", "%" + q.replace("%", "\\%").replace("_", "\\_") + "%")
                .param("limit", LIMIT)
                .query((rs, row) -> new RegistrationRow(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), (Integer) rs.getObject(7), rs.getLong(8)))
                .list();
    }
}
