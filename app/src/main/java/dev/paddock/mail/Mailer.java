package dev.paddock.mail;

import dev.paddock.shared.RoundTrip;
import java.util.List;

/** Sends an e-mail. Implementations must not throw for a bad address: mail is best effort, like the real thing. */
public interface Mailer {

    void send(OutgoingMail mail);

    /** Several mails at once (a batch of confirmations): the same as sending each, possibly in one go. */
    default void sendAll(List<OutgoingMail> mails) {
        mails.forEach(this::send);
    }

    /**
     * Several mails stored with the caller's other writes of {@code trip} when the mailer stores them in the
     * database (the outbox), so they go if and only if the caller's transaction commits; a mailer that does not
     * sends them now.
     */
    default void sendAll(RoundTrip trip, List<OutgoingMail> mails) {
        sendAll(mails);
    }
}
