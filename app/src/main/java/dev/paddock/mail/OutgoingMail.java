package dev.paddock.mail;

/** A plain-text e-mail to one recipient. */
public record OutgoingMail(String to, String subject, String text) {

    public OutgoingMail {
        if (to == null || to.isBlank() || subject == null || subject.isBlank() || text == null) {
            throw new IllegalArgumentException("A mail needs a recipient, a subject and a text");
        }
    }
}
