package dev.paddock.mail;

/** Sends an e-mail. Implementations must not throw for a bad address: mail is best effort, like the real thing. */
public interface Mailer {

    void send(OutgoingMail mail);
}
