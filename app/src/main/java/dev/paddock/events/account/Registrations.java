package dev.paddock.events.account;

import dev.paddock.shared.ProblemException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads and locks {@code events.registrations} rows. */
@Component
class Registrations {

    static final String COLUMNS = """
            r.id, r.race_id, r.event_id, r.order_id, r.account_id, r.buyer_account_id, r.team_id, r.status,
            r.first_name, r.last_name, r.gender, r.birth_date, r.nationality, r.email, r.answers::text, r.price_cents,
            r.bib, r.waitlist_position, r.offer_expires_at""";

    private final JdbcClient jdbc;

    Registrations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Registration> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from events.registrations r where r.id = :id")
                .param("id", id).query(Registrations::row).optional();
    }

    /** The row locked for this transaction: changes of one registration never interleave. */
    Optional<Registration> lock(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from events.registrations r where r.id = :id for update")
                .param("id", id).query(Registrations::row).optional();
    }

    /** Locks the registration if {@code account} is its athlete or buyer; 404 otherwise, as if it did not exist. */
    Registration lockOwned(UUID account, UUID id) {
        return lock(id).filter(registration -> registration.belongsTo(account)).orElseThrow(() -> notFound(id));
    }

    static ProblemException notFound(UUID id) {
        return ProblemException.of(HttpStatus.NOT_FOUND, "registration-not-found", "You have no registration " + id + ".");
    }

    List<Registration> ofTeam(UUID teamId, String status) {
        return jdbc.sql("select " + COLUMNS + " from events.registrations r where r.team_id = :team and r.status = :status"
                        + " order by r.created_at, r.id for update")
                .param("team", teamId).param("status", status).query(Registrations::row).list();
    }

    void status(UUID id, String status) {
        jdbc.sql("""
                update events.registrations set status = :status, version = version + 1,
                    waitlist_position = case when :status = 'WAITLISTED' then waitlist_position end,
                    offer_expires_at = case when :status = 'OFFERED' then offer_expires_at end
                where id = :id""")
                .param("status", status).param("id", id).update();
    }

    static Registration row(ResultSet rs, int row) throws SQLException {
        OffsetDateTime offer = rs.getObject(19, OffsetDateTime.class);
        return new Registration(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                rs.getObject(4, UUID.class), rs.getObject(5, UUID.class), rs.getObject(6, UUID.class),
                rs.getObject(7, UUID.class), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11),
                rs.getObject(12, java.time.LocalDate.class), rs.getString(13), rs.getString(14), rs.getString(15),
                rs.getLong(16), (Integer) rs.getObject(17), (Long) rs.getObject(18),
                offer == null ? null : offer.toInstant());
    }
}
