package dev.paddock.mail.outbox;

import dev.paddock.mail.Mailer;
import dev.paddock.mail.OutgoingMail;
import java.sql.Timestamp;
import java.time.Clock;
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
}
