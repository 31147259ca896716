package dev.paddock.mail.outbox;

import dev.paddock.mail.Mailer;
import dev.paddock.mail.OutgoingMail;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
    private final Clock clock;

    OutboxMailer(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
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
        if (mails.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        insert into mail.outbox (recipient, subject, body, created_at)
                        select r, s, b, :at from unnest(:to::text[], :subjects::text[], :bodies::text[]) with ordinality
                            as t(r, s, b, o)
                        order by o""")
                .param("to", mails.stream().map(OutgoingMail::to).toArray(String[]::new))
                .param("subjects", mails.stream().map(OutgoingMail::subject).toArray(String[]::new))
                .param("bodies", mails.stream().map(OutgoingMail::text).toArray(String[]::new))
                .param("at", Timestamp.from(clock.instant()))
                .update();
        log.info("Mails stored in the outbox: {}, the first to {}: {}", mails.size(), mails.getFirst().to(),
                mails.getFirst().subject());
    }
}
