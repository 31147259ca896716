package dev.paddock.mail.outbox;

import dev.paddock.mail.Mailer;
import dev.paddock.mail.OutgoingMail;
import dev.paddock.shared.RoundTrip;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The default mailer: stores the mail in {@code mail.outbox} (in the caller's transaction, so a rolled
 * back change sends nothing) and logs one line. A real SMTP or provider adapter replaces this bean.
 */
@Component
class OutboxMailer implements Mailer {

    private static final Logger log = LoggerFactory.getLogger(OutboxMailer.class);

    private final JdbcClient jdbc;
    private final JdbcOperations jdbcOperations;
    private final Clock clock;

    OutboxMailer(JdbcClient jdbc, JdbcOperations jdbcOperations, Clock clock) {
        this.jdbc = jdbc;
        this.jdbcOperations = jdbcOperations;
        this.clock = clock;
    }

    @Override
    public void send(OutgoingMail mail) {
        jdbc.sql("insert into mail.outbox (recipient, subject, body, created_at) values (:to, :subject, :body, :at)")
                .param("to", mail.to()).param("subject", mail.subject()).param("body", mail.text())
                .param("at", Timestamp.from(clock.instant()))
                .update();
        log.info("Mail to {} stored in the outbox: {}", mail.to(), mail.subject());
    }

    /** One statement for the lot, and one log line: a batch of registrations confirms hundreds at once. */
    @Override
    public void sendAll(List<OutgoingMail> mails) {
        RoundTrip trip = new RoundTrip(jdbcOperations);
        sendAll(trip, mails);
        trip.execute();
    }

    @Override
    public void sendAll(RoundTrip trip, List<OutgoingMail> mails) {
        if (mails.isEmpty()) {
            return;
        }
        trip.add("""
                insert into mail.outbox (recipient, subject, body, created_at)
                select r, s, b, :at from unnest(:to::text[], :subjects::text[], :bodies::text[]) with ordinality
                    as t(r, s, b, o)
                order by o""", Map.of("to", mails.stream().map(OutgoingMail::to).toArray(String[]::new),
                "subjects", mails.stream().map(OutgoingMail::subject).toArray(String[]::new),
                "bodies", mails.stream().map(OutgoingMail::text).toArray(String[]::new),
                "at", Timestamp.from(clock.instant())), stored -> log.info(
                        "Mails stored in the outbox: {}, the first to {}: {}", stored, mails.getFirst().to(),
                        mails.getFirst().subject()));
    }
}
