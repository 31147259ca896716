package dev.paddock.mail.outbox;

import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** {@code /backoffice/mails}: what the default mailer "sent", newest first. */
@Controller
@PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN')")
class MailOutboxController {

    static final int PAGE_SIZE = 25;

    private final JdbcClient jdbc;

    MailOutboxController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/backoffice/mails")
    String mails(@RequestParam(defaultValue = "0") @Min(0) int page, Model model) {
        List<StoredMail> mails = jdbc.sql("""
                        select id, recipient, subject, body, created_at from mail.outbox
                        order by created_at desc, id desc limit :limit offset :offset""")
                .param("limit", PAGE_SIZE).param("offset", (long) page * PAGE_SIZE)
                .query((rs, n) -> new StoredMail(rs.getLong("id"), rs.getString("recipient"), rs.getString("subject"),
                        rs.getString("body"), rs.getTimestamp("created_at").toInstant()))
                .list();
        long total = jdbc.sql("select count(*) from mail.outbox").query(Long.class).single();
        model.addAttribute("mails", mails);
        model.addAttribute("page", page);
        model.addAttribute("hasNext", (long) (page + 1) * PAGE_SIZE < total);
        model.addAttribute("total", total);
        return "backoffice/mails";
    }

    record StoredMail(long id, String recipient, String subject, String body, Instant createdAt) {
    }
}
