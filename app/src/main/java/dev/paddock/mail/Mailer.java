package dev.paddock.mail;

import java.util.List;

/** Sends an e-mail. Implementations must not throw for a bad address: mail is best effort, like the real thing. */
public interface Mailer {

    void send(OutgoingMail mail);

    /** Several mails at once (a batch of confirmations): the same as sending each, possibly in one go. */
    default void sendAll(List<OutgoingMail> mails) {
        mails.forEach(this::send);
    }
}
